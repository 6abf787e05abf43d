# drive_scenarios.py: drive.py's scenarios on the dialog's main work:
# Apply and OK against the command-line tool, the statistics and the file
# size, the difference view, the quality slider, Cancel and Escape, the
# last values, and the progress of a long run.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess

from drive_atspi import (click, click_into, combo_select, combo_selected,
                         drag_slider, Failure, find, layer_in_preview, log,
                         preview_matches, preview_shows, pyatspi, rgb_bytes,
                         same_pixels, screenshot, text_of, value_of, wait_for,
                         xdotool)
from drive_dialog import Harness


# ---------------------------------------------------------------- scenarios


def cli_reference(args, work, quality, generations):
    out = os.path.join(work, "cli.png")
    subprocess.run([args.cli, "--quality", str(quality), "--generations",
                    str(generations), "--quiet", args.image, out],
                   check=True)
    return out


def open_at(runner, work, quality, generations, check_names=False):
    """Opens the dialog (checking every control's name when CHECK_NAMES),
    sets QUALITY and GENERATIONS and waits for that result."""
    dialog = runner.open(os.path.join(work, "result.png"))
    if check_names:
        dialog.check_names()
    dialog.wait_ready()
    dialog.set_number("Quality", quality)
    dialog.set_number("Generations", generations)
    dialog.wait_ready(generations=generations)
    return dialog


def scenario_apply(args, runner, work):
    """Quality 30, Generations 5, OK: the result equals the command-line
    tool's and the pixels the preview showed."""
    dialog = open_at(runner, work, 30, 5, check_names=True)
    preview = dialog.preview_box()
    shot = os.path.join(args.logdir, "%s-ready.png" % args.name)
    screenshot(shot)
    click(dialog.button("OK"))
    said = runner.close()
    runner.finish()
    if "ok" not in said:
        raise Failure("OK did not apply")
    if "computed-here" in said:
        raise Failure("the dialog handed over no result")
    reference = cli_reference(args, work, 30, 5)
    if not same_pixels(runner.output, reference):
        raise Failure("the result differs from jpeg-artifacts' output")
    log("the result equals jpeg-artifacts --quality 30 --generations 5")
    if not preview_matches(shot, preview, runner.output):
        raise Failure("the preview did not show the pixels OK wrote")
    if same_pixels(runner.output, args.image):
        raise Failure("the result equals the original")


def cli_table(args, work, quality, generations, *options):
    """The command-line tool's table for QUALITY, GENERATIONS and more
    OPTIONS: one dict per generation, of its columns as the tool printed
    them."""
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    out = subprocess.run(
        [args.cli, "--quality", str(quality), "--generations",
         str(generations)] + list(options)
        + [args.image, os.path.join(work, "table.png")],
        check=True, capture_output=True, text=True, env=env).stdout
    log("jpeg-artifacts said:\n" + out.rstrip())
    rows = []
    for line in out.splitlines():
        words = line.split()
        if len(words) == 10 and words[0].isdigit():
            rows.append(dict(zip(("generation", "quality", "dx", "dy",
                                  "changed", "psnr", "ssim", "jpeg_kb",
                                  "optimized_kb", "progressive_kb"),
                                 words)))
    if len(rows) != generations:
        raise Failure("jpeg-artifacts printed %d rows, not %d"
                      % (len(rows), generations))
    return rows


def parse_file_size(text):
    """(kB as the tool prints it, bits per pixel) from the read-out
    "File size: 182.4 kB, 1.42 bits/pixel" (g_format_size's units)."""
    import re
    match = re.fullmatch("File size: ([0-9.]+)[ \u00a0](bytes|kB|MB|GB), "
                         "([0-9.]+) bits/pixel", text)
    if match is None:
        raise Failure("the file size read-out says %r" % text)
    scale = {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[match.group(2)]
    return float(match.group(1)) * scale / 1000, float(match.group(3))


def scenario_statistics(args, runner, work):
    """Quality 30, Generations 5: the file size and SSIM read-outs say what
    jpeg-artifacts prints for the last generation, and the chart's
    selector shows the three series (screenshots of each)."""
    dialog = open_at(runner, work, 30, 5)
    size_label = dialog.control(pyatspi.ROLE_LABEL, "File size")
    ssim_label = dialog.control(pyatspi.ROLE_LABEL, "SSIM")
    for accessible in (size_label, ssim_label):
        if not accessible.description:
            raise Failure("%s has no description" % accessible.name)
    size_text = wait_for("the file size", lambda: (
        text_of(size_label).startswith("File size: ")
        and "measuring" not in text_of(size_label)
        and text_of(size_label)), 30)
    ssim_text = wait_for("the SSIM", lambda: (
        text_of(ssim_label).startswith("SSIM: ")
        and "measuring" not in text_of(ssim_label)
        and text_of(ssim_label)), 30)
    log("read-outs: %r, %r" % (size_text, ssim_text))
    last = cli_table(args, work, 30, 5)[-1]
    kb, bits = parse_file_size(size_text)
    _, width, height = rgb_bytes(args.image)
    # The read-out's default: the file as GIMP exports it (progressive).
    if "%.1f" % kb != last["progressive_kb"]:
        raise Failure("the dialog says %s kB, jpeg-artifacts %s kB"
                      % ("%.1f" % kb, last["progressive_kb"]))
    expected_bits = float(last["progressive_kb"]) * 8000 / (width * height)
    if abs(bits - expected_bits) > 8 * 50 / (width * height) + 0.005:
        raise Failure("%.2f bits/pixel, expected about %.3f"
                      % (bits, expected_bits))
    if ssim_text != "SSIM: " + last["ssim"]:
        raise Failure("the dialog says %r, jpeg-artifacts SSIM %s"
                      % (ssim_text, last["ssim"]))
    log("file size %s kB and SSIM %s as jpeg-artifacts prints them"
        % (last["progressive_kb"], last["ssim"]))
    selector = dialog.control(pyatspi.ROLE_COMBO_BOX, "Plotted value")
    if not selector.description:
        raise Failure("the chart's selector has no description")
    for index, chart in ((0, "PSNR per generation"),
                         (1, "SSIM per generation"),
                         (2, "File size per generation")):
        selector.querySelection().selectChild(index)
        find(dialog.window, pyatspi.ROLE_CHART, chart)
        log("the chart shows", chart)
        screenshot(os.path.join(args.logdir, "%s-chart-%d.png"
                                % (args.name, index)))
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


def scenario_difference(args, runner, work):
    """Quality 30, Generations 5, then the difference view: the preview
    changes and shows min(255, 8 |result - original|) per channel, black
    where nothing changed (screenshots before and after)."""
    dialog = open_at(runner, work, 30, 5)
    before = os.path.join(args.logdir, "%s-result.png" % args.name)
    before_box = preview_shot(dialog, before)
    toggle = dialog.control(pyatspi.ROLE_CHECK_BOX, "Difference view")
    if not toggle.description:
        raise Failure("the difference view has no description")
    click(toggle)
    wait_for("the difference view", lambda: toggle.getState().contains(
        pyatspi.STATE_CHECKED), 5)
    after = os.path.join(args.logdir, "%s-difference.png" % args.name)
    after_box = preview_shot(dialog, after)
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()

    check_preview_changed(before, before_box, after, after_box, args.image,
                          "the difference view")
    result, width, height = rgb_bytes(cli_reference(args, work, 30, 5))
    original = rgb_bytes(args.image)[0]
    expected = bytes(min(255, 8 * abs(r - o))
                     for r, o in zip(result, original))
    black = sum(1 for i in range(0, len(expected), 3)
                if expected[i:i + 3] == b"\0\0\0")
    log("the amplified difference is black at %d of %d pixels"
        % (black, width * height))
    if black == 0 or black == width * height:
        raise Failure("the difference is uniform: nothing to check")
    # The badge "Difference ×8" covers the preview's top corner.
    if not preview_shows(after, after_box, expected, width, height,
                         skip_top=40):
        raise Failure("the difference view does not show "
                      "8 |result - original|")


def scenario_slider(args, runner, work):
    """Dragging the Quality slider changes the preview's pixels."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Quality", 60)
    dialog.wait_ready()
    before = os.path.join(args.logdir, "%s-before.png" % args.name)
    before_box = preview_shot(dialog, before)
    slider = dialog.slider("Quality")
    drag_slider(slider, 0.05)
    wait_for("Quality to move", lambda: value_of(slider) < 20, 5)
    log("Quality dragged to", value_of(slider))
    dialog.wait_ready()
    after = os.path.join(args.logdir, "%s-after.png" % args.name)
    after_box = preview_shot(dialog, after)
    check_preview_changed(before, before_box, after, after_box, args.image,
                          "the new quality")
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


def scenario_cancel(args, runner, work, key):
    """Cancel (KEY False) or Escape (KEY True) leaves the layer unchanged."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Quality", 10)
    dialog.set_number("Generations", 3)
    dialog.wait_ready()
    if key:
        dialog.focus()
        click_into(dialog.spin("Quality"))
        xdotool("key", "Escape")
        log("pressed Escape")
    else:
        click(dialog.button("Cancel"))
        log("clicked Cancel")
    said = runner.close()
    runner.finish()
    if isinstance(runner, Harness):
        if "cancel" not in said or os.path.exists(runner.output):
            raise Failure("the dialog did not cancel")
    elif not same_pixels(runner.output, args.image):
        raise Failure("the layer changed")
    log("the layer is unchanged")


def scenario_last_values(args, runner, work):
    """The dialog opens with the values of the last OK (given by Enter),
    the combo boxes' choices (DCT method, Decode as, and the file size
    read-out's File coded as) too."""
    dialog = runner.open(os.path.join(work, "first.png"))
    dialog.set_number("Quality", 42)
    dialog.set_number("Generations", 7)
    dialog.set_number("Grid drift", 2)
    combo_select(dialog.combo("DCT method"), "Floating point")
    combo_select(dialog.combo("Decode as"), "GIMP")
    combo_select(dialog.combo("File coded as"), "Optimized")
    dialog.wait_ready(generations=7)
    # Enter in a spin button is OK, the dialog's default response.
    dialog.focus()
    click_into(dialog.spin("Quality"))
    xdotool("key", "Return")
    log("pressed Enter")
    runner.close(timeout=15)
    dialog = runner.open(os.path.join(work, "second.png"))
    got = {name: value_of(dialog.spin(name))
           for name in ("Quality", "Generations", "Grid drift")}
    got.update({name: combo_selected(dialog.combo(name))
                for name in ("DCT method", "Decode as", "File coded as")})
    log("the second dialog opened with", got)
    shot = os.path.join(args.logdir, "%s-reopened.png" % args.name)
    dialog.wait_ready()
    screenshot(shot)
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()
    if got != {"Quality": 42, "Generations": 7, "Grid drift": 2,
               "DCT method": "Floating point", "Decode as": "GIMP",
               "File coded as": "Optimized"}:
        raise Failure("the dialog did not open with the last values: %r"
                      % got)


def generation_in_status(status):
    """K in "Computing… generation K of N", or None."""
    words = status.split()
    if len(words) >= 3 and words[0].startswith("Computing") \
            and words[1] == "generation":
        return int(words[2])
    return None


def scenario_progress(args, runner, work):
    """A long run shows its progress and exact intermediate generations; a
    change while it runs starts it again; without drift the run reports
    where it converged."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Quality", 30)
    dialog.set_number("Grid drift", 3)
    dialog.set_number("Generations", 1000)
    status = wait_for("generation 50 or later", lambda: (
        (generation_in_status(dialog.status()) or 0) >= 50
        and dialog.status()), 60, interval=0.05)
    # The change comes at once: on this 600 x 400 image the 1000
    # generations take about a second in an idle optimized build, less than
    # the screenshot below, and the status lags the worker.
    log("status:", status)
    spin = dialog.spin("Quality")
    before = max(generation_in_status(dialog.status()) or 0,
                 generation_in_status(status))
    spin.queryValue().currentValue = 25

    def restarted():
        generation = generation_in_status(dialog.status())
        return generation if generation and generation < before else None
    after = wait_for("the run to start again", restarted, 10, interval=0.02)
    log("Quality changed at generation %s: now %s" % (before, after))
    preview = dialog.control(pyatspi.ROLE_IMAGE, "Preview")
    log("preview's description:", preview.description)
    if not preview.description.startswith("Computing"):
        raise Failure("the preview does not say it is computing")
    screenshot(os.path.join(args.logdir, "%s-computing.png" % args.name))
    dialog.wait_ready(timeout=120, generations=1000)
    log("reading the convergence")
    converged = text_of(dialog.control(pyatspi.ROLE_LABEL, "Convergence"))
    log("convergence: %r" % converged)
    if converged:
        raise Failure("a run with drift claims convergence: " + converged)
    screenshot(os.path.join(args.logdir, "%s-1000.png" % args.name))
    dialog.set_number("Grid drift", 0)
    dialog.set_number("Generations", 50)
    dialog.wait_ready(generations=50)
    converged = text_of(dialog.control(pyatspi.ROLE_LABEL, "Convergence"))
    log("convergence:", converged)
    if not converged.startswith("Converged at generation"):
        raise Failure("no convergence reported")
    screenshot(os.path.join(args.logdir, "%s-converged.png" % args.name))
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


def harness_values(runner):
    """The values the harness printed after OK, NAME -> text (none in
    GIMP)."""
    values = {}
    for line in getattr(runner, "text", "").splitlines():
        if line.startswith("value ") and "=" in line:
            name, _, value = line[len("value "):].partition("=")
            values[name] = value
    return values


def cli_output(args, work, name, *options):
    """The command-line tool's output for OPTIONS, in WORK/NAME."""
    out = os.path.join(work, name)
    command = [args.cli] + list(options) + ["--quiet", args.image, out]
    log("running", " ".join(command))
    subprocess.run(command, check=True)
    return out


def preview_shot(dialog, path):
    """A screenshot into PATH, and where the preview is in it: the box is
    read on both sides of the screenshot and must not move between."""
    box = dialog.preview_box()
    screenshot(path)
    if dialog.preview_box() != box:
        raise Failure("the preview moved from %r to %r during the "
                      "screenshot %s" % (box, dialog.preview_box(), path))
    return box


def shown_layer(shot, preview_box, lw, lh):
    """The part of an LW x LH layer the preview at PREVIEW_BOX shows in
    the screenshot SHOT, as packed RGB, with the layer's rectangle it
    covers (x, y, width, height)."""
    ox, oy, x_from, x_to, y_from, y_to = layer_in_preview(preview_box, lw, lh)
    crop = (x_to - x_from, y_to - y_from,
            preview_box[0] + x_from, preview_box[1] + y_from)
    return (rgb_bytes(shot, crop)[0],
            (x_from - ox, y_from - oy, crop[0], crop[1]))


def preview_changed(before, before_box, after, after_box, layer_png):
    """How many of the pixels the preview shows of LAYER_PNG's layer differ
    between two screenshots, each read where its own preview box shows the
    layer (the dialog can grow between them, which moves the preview)."""
    _, lw, lh = rgb_bytes(layer_png)
    a, part_a = shown_layer(before, before_box, lw, lh)
    b, part_b = shown_layer(after, after_box, lw, lh)
    if part_a != part_b:
        raise Failure("the preview shows the layer's %r, then its %r: "
                      "nothing to compare" % (part_a, part_b))
    changed = sum(1 for i in range(0, len(a), 3) if a[i:i + 3] != b[i:i + 3])
    log("%d of %d preview pixels changed" % (changed, len(a) // 3))
    return changed, len(a) // 3


def check_preview_changed(before, before_box, after, after_box, layer_png,
                          what):
    """Fails, naming WHAT made the change, unless at least a tenth of the
    layer's pixels the preview shows changed between the screenshots
    BEFORE and AFTER (preview_changed)."""
    changed, total = preview_changed(before, before_box, after, after_box,
                                     layer_png)
    if changed < total // 10:
        raise Failure("%s hardly changed the preview" % what)
