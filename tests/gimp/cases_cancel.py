# cases_cancel.py: the cancel case of cases.py: Cancel in GIMP's status
# bar during a run (GIMP's user interface, gui.py) ends the plug-in and
# changes nothing.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import time

import harness
import pngio
from harness import check, scheme_string as q
from cases_common import PRELUDE_GUI, sample_rgb, Settings, write_input


# ---------------------------------------------------------------- cancel

def plugin_processes(parent):
    """The PIDs of the plug-in's processes that GIMP (PID PARENT) runs."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        if ppid == parent and name == harness.PLUGIN_NAME[:15]:
            pids.append(int(entry))
    return pids


def changed_patches(before, during, box):
    """Where the bottom 60 rows of BOX (x, y, width, height: the image
    window) differ between the screenshots BEFORE and DURING: the runs of
    changed columns, left to right, each as (first x, last x, middle y)."""
    width, height, a = before
    b = during[2]
    x0, y0, w, h = box
    rows = {}
    for y in range(max(y0 + h - 60, 0), min(y0 + h, height)):
        for x in range(max(x0, 0), min(x0 + w, width)):
            i = (y * width + x) * 3
            if max(abs(a[i + k] - b[i + k]) for k in range(3)) > 40:
                rows.setdefault(x, []).append(y)
    patches = []
    for x in sorted(rows):
        if patches and x - patches[-1][1] <= 8:
            patches[-1][1] = x
            patches[-1][2].extend(rows[x])
        else:
            patches.append([x, x, list(rows[x])])
    return [(first, last, sorted(ys)[len(ys) // 2])
            for first, last, ys in patches]


def case_cancel(config):
    """In GIMP's user interface: JPEG Artifacts started from the image
    window on a layer linked to a large one, whose result the dialog does
    not compute, is cancelled with the Cancel button of the status bar
    while it computes the linked layer.  GIMP 2.10 tells a plug-in nothing
    of a cancel: it ends the plug-in's process.  The test checks that the
    process, running when Cancel is clicked, ends at once and that GIMP
    says it killed it, that both layers keep their pixels, that the image
    is not dirty (no undo step), that no layer was added, and that GIMP
    still answers."""
    import gui

    settings = Settings(30, 1000, "420", jitter=10, drift=3, seed=1,
                        apply_to=1)
    source = write_input(config, "rgb.png", sample_rgb(config))
    big = config.path("before-big.png")
    small = config.path("before-small.png")
    session = gui.GimpGui(config, verbose=True)
    try:
        session.start()
        session.run(PRELUDE_GUI)
        # A run through the procedure database stores the values the
        # dialog then starts from.
        session.run("""
(let* ((img (car (gimp-image-new 16 16 RGB)))
       (l (car (gimp-layer-new img 16 16 RGB-IMAGE "Tiny" 100
                               LAYER-MODE-NORMAL))))
  (gimp-image-insert-layer img l 0 0)
  (plug-in-jpeg-artifacts RUN-NONINTERACTIVE img l %s)
  (gimp-image-delete img))
""" % settings.pdb())
        session.run("""
(begin
  (define img (ja-load %(src)s))
  (define big (ja-drawable img))
  (gimp-image-scale img 1600 1200)
  (gimp-item-set-name big "Large")
  (define small (car (gimp-layer-copy big FALSE)))
  (gimp-image-insert-layer img small 0 0)
  (gimp-layer-scale small 240 180 FALSE)
  (gimp-item-set-name small "Small")
  (gimp-item-set-linked big TRUE)
  (gimp-item-set-linked small TRUE)
  (gimp-image-set-active-layer img small)
  (ja-export img big %(big)s)
  (ja-export img small %(small)s)
  (gimp-image-clean-all img)
  (define display (car (gimp-display-new img)))
  (gimp-displays-flush))
""" % {"src": q(source), "big": q(big), "small": q(small)})
        # The image window's title: "[*]rgb.png-1.0 (RGB color ...) – GIMP".
        title = r"rgb\.png-[0-9]"
        window = session.window(title)
        session.xdotool("windowmove", "--sync", window, "0", "0")
        session.xdotool("windowsize", "--sync", window, "1270", "1000")
        time.sleep(2)
        box = session.geometry(window)
        before = session.screenshot()

        # Filters ▸ Distorts ▸ JPEG Artifacts… through Search Actions.
        session.press_in_window(title, "slash")
        search = session.window("Search Actions")
        session.type_in_window(search, "JPEG Artifacts")
        time.sleep(1)
        session.xdotool("key", "Return")
        dialog = session.window("^JPEG Artifacts", timeout=60)
        time.sleep(1)
        session.xdotool("windowfocus", "--sync", dialog)
        session.xdotool("key", "--window", dialog, "Return")
        pids = []
        deadline = time.monotonic() + 120
        while True:
            status, windows = session.xdotool("search", "--onlyvisible",
                                              "--name", "^JPEG Artifacts")
            pids = plugin_processes(session.process.pid)
            if not windows and pids:
                break
            check(time.monotonic() < deadline and pids,
                  "the dialog did not close, or the plug-in ended")
            time.sleep(0.3)
        # The status bar now shows the progress and, at its right end, its
        # Cancel button: the rightmost patch that changed, once it has a
        # button's width.
        deadline = time.monotonic() + 30
        while True:
            time.sleep(1)
            during = session.screenshot()
            patches = changed_patches(before, during, box)
            if patches and 30 <= patches[-1][1] - patches[-1][0] <= 200:
                break
            check(time.monotonic() < deadline,
                  "the status bar shows no Cancel button: %s" % patches)
        session.save_screenshot("during-the-run.png")
        first, last, y = patches[-1]
        check(pids == plugin_processes(session.process.pid),
              "the plug-in ended before Cancel was clicked")
        clicked = time.monotonic()
        session.click((first + last) // 2, y)
        while plugin_processes(session.process.pid):
            check(time.monotonic() - clicked < 10,
                  "the plug-in still runs 10 s after Cancel")
            time.sleep(0.05)
        ended = time.monotonic() - clicked
        session.save_screenshot("after-cancel.png")
        layers = session.run("(car (gimp-image-get-layers img))")
        dirty = session.run("(car (gimp-image-is-dirty img))")
        session.run("(ja-export img big %s)"
                    % q(config.path("after-big.png")))
        session.run("(ja-export img small %s)"
                    % q(config.path("after-small.png")))
        answer = session.run("(car (gimp-image-get-active-layer img))")
    finally:
        session.stop()

    with open(config.path("gimp-gui-output.txt"), encoding="utf-8",
              errors="replace") as f:
        console = f.read()
    # GIMP --verbose prints this when it kills a plug-in (gimp_plug_in_close
    # with kill_it), which its progress's cancel handler does.
    check(re.search(r"^Terminating plug-in: '.*/%s'$" % harness.PLUGIN_NAME,
                    console, re.MULTILINE),
          "GIMP did not say it ended the plug-in")
    print("ok: Cancel clicked at (%d, %d) in the status bar; GIMP ended the "
          "plug-in's process (pid %s) %.2f s later ('Terminating plug-in' "
          "on its console)" % ((first + last) // 2, y, pids[0], ended))
    check(layers.strip() == "2", "after Cancel the image has %s layers"
          % layers)
    check(dirty.strip() == "0", "after Cancel the image is dirty")
    for name in ("big", "small"):
        check(pngio.image_content(config.path("before-%s.png" % name))
              == pngio.image_content(config.path("after-%s.png" % name)),
              "after Cancel the %s layer changed" % name)
    print("ok: after Cancel: 2 layers, not dirty, both layers' pixels as "
          "before (the small one's result the dialog had computed was not "
          "written); GIMP still answers (active layer %s)" % answer.strip())
