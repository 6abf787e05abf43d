# drive_dialog.py: the JPEG Artifacts dialog as drive.py's scenarios see
# it (Dialog: its controls by accessible name, its preview, its status),
# and the two runners that show it: Harness (tests/dialog/dialog-harness
# on an image file) and Gimp (a real GIMP 2.10 calling the plug-in
# interactively from a Script-Fu batch, in a fresh GIMP2_DIRECTORY with
# tests/gimp's warmed pluginrc, harness.py's warm_pluginrc).
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import time

import harness
from drive_atspi import (dialog_window, extents, Failure, find, find_dialog,
                         find_named, language_env, log, NoFocus, PLUGIN_NAME,
                         PROCEDURE, pyatspi, reveal, SCREEN, text_of,
                         type_into_spin, value_of, wait_for, xdotool)


# ---------------------------------------------------------------- dialog


class Dialog:
    def __init__(self, window, title="JPEG Artifacts"):
        self.window = window
        self.title = title

    def control(self, role, name):
        return find(self.window, role, name)

    def spin(self, name):
        return self.control(pyatspi.ROLE_SPIN_BUTTON, name)

    def slider(self, name):
        return self.control(pyatspi.ROLE_SLIDER, name)

    def button(self, name):
        return self.control(pyatspi.ROLE_PUSH_BUTTON, name)

    def focus(self):
        """Gives the dialog's window the keyboard, as clicking its title bar
        would (there is no window manager)."""
        xdotool("search", "--onlyvisible", "--limit", "1", "--name",
                "^" + self.title, "windowfocus", "--sync")

    def status(self):
        return text_of(self.control(pyatspi.ROLE_LABEL, "Status"))

    def check_names(self, translate=lambda name: name, hidden=()):
        """Every control the issue lists is there under its name, as
        TRANSLATE gives it in the dialog's language, but those named in
        HIDDEN, which must not show (GIMP 3's dialog has no "Apply to")."""
        wanted = [
            (pyatspi.ROLE_COMBO_BOX, "Preset"),
            (pyatspi.ROLE_PUSH_BUTTON, "Save preset"),
            (pyatspi.ROLE_PUSH_BUTTON, "Delete preset"),
            (pyatspi.ROLE_SLIDER, "Quality"),
            (pyatspi.ROLE_SPIN_BUTTON, "Quality"),
            (pyatspi.ROLE_SLIDER, "Generations"),
            (pyatspi.ROLE_SPIN_BUTTON, "Generations"),
            (pyatspi.ROLE_COMBO_BOX, "Subsampling"),
            (pyatspi.ROLE_COMBO_BOX, "DCT method"),
            (pyatspi.ROLE_COMBO_BOX, "Decode as"),
            (pyatspi.ROLE_SLIDER, "Quality jitter"),
            (pyatspi.ROLE_SLIDER, "Grid drift"),
            (pyatspi.ROLE_SPIN_BUTTON, "Seed"),
            (pyatspi.ROLE_PUSH_BUTTON, "New seed"),
            (pyatspi.ROLE_COMBO_BOX, "Grid anchor"),
            (pyatspi.ROLE_COMBO_BOX, "Transparency"),
            (pyatspi.ROLE_COMBO_BOX, "Apply to"),
            (pyatspi.ROLE_COMBO_BOX, "Output"),
            (pyatspi.ROLE_TOGGLE_BUTTON, "Schedule and deep-fry"),
            (pyatspi.ROLE_TEXT, "Schedule"),
            (pyatspi.ROLE_SLIDER, "Saturation"),
            (pyatspi.ROLE_SPIN_BUTTON, "Saturation"),
            (pyatspi.ROLE_SLIDER, "Contrast"),
            (pyatspi.ROLE_SPIN_BUTTON, "Contrast"),
            (pyatspi.ROLE_SLIDER, "Sharpen"),
            (pyatspi.ROLE_SPIN_BUTTON, "Sharpen"),
            (pyatspi.ROLE_CHECK_BOX, "Use the original file's settings"),
            (pyatspi.ROLE_COMBO_BOX, "Zoom"),
            (pyatspi.ROLE_CHECK_BOX, "Before/after split"),
            (pyatspi.ROLE_CHECK_BOX, "8×8 grid"),
            (pyatspi.ROLE_PUSH_BUTTON, "Show original"),
            (pyatspi.ROLE_CHECK_BOX, "Difference view"),
            (pyatspi.ROLE_COMBO_BOX, "Plotted value"),
            (pyatspi.ROLE_LABEL, "File size"),
            (pyatspi.ROLE_COMBO_BOX, "File coded as"),
            (pyatspi.ROLE_LABEL, "SSIM"),
            (pyatspi.ROLE_PUSH_BUTTON, "Reset"),
            (pyatspi.ROLE_PUSH_BUTTON, "Cancel"),
            (pyatspi.ROLE_PUSH_BUTTON, "OK"),
            (pyatspi.ROLE_IMAGE, "Preview"),
            (pyatspi.ROLE_CHART, "PSNR per generation"),
        ]
        self.found = []
        for role, name in wanted:
            if name in hidden:
                shown = pyatspi.findDescendant(
                    self.window, lambda o: o is not None
                    and o.getRole() == role and o.name == translate(name)
                    and o.getState().contains(pyatspi.STATE_SHOWING))
                if shown is not None:
                    raise Failure("%s shows; it must be hidden" % name)
                continue
            accessible = find(self.window, role, translate(name), timeout=5)
            self.found.append((name, accessible))
            if role != pyatspi.ROLE_IMAGE and role != pyatspi.ROLE_CHART \
                    and role not in (pyatspi.ROLE_PUSH_BUTTON,) \
                    and not accessible.description:
                raise Failure("%s has no description (tooltip)" % name)
        log("all %d controls found by accessible name, %d hidden"
            % (len(wanted) - len(hidden), len(hidden)))

    def check_on_screen(self):
        """The window and every control check_names found lie wholly on
        the X server's screen (SCREEN), OK and the controls' column
        included."""
        screen_w, screen_h = (int(v) for v in SCREEN.split("x")[:2])
        for name, accessible in [("the dialog", self.window)] + self.found:
            # A control in a collapsed expander has no place on the screen.
            if not accessible.getState().contains(pyatspi.STATE_SHOWING):
                continue
            x, y, w, h = extents(accessible)
            if x < 0 or y < 0 or x + w > screen_w or y + h > screen_h:
                raise Failure("%s lies at x %d to %d, y %d to %d: off the "
                              "%dx%d screen" % (name, x, x + w, y, y + h,
                                                screen_w, screen_h))
        x, y, w, h = extents(self.window)
        log("the dialog and its %d controls lie on the %dx%d screen (the "
            "dialog %dx%d)" % (len(self.found), screen_w, screen_h, w, h))

    def wait_ready(self, timeout=60, generations=None):
        ready = "Result ready"
        if generations is not None:
            ready += ": generation %d of %d" % (generations, generations)
        status = wait_for("the result", lambda: self.status().startswith(
            ready) and self.status(), timeout)
        log("status:", status)
        return status

    def set_number(self, name, value):
        spin = self.spin(name)
        # With no window manager, the keyboard stays where the last
        # window that asked for it put it: twice in a row in the sanitizer
        # pass, with other dialog tests beside it, gimp-apply's click into
        # Generations did not reach it.  The dialog gets the keyboard again
        # and the click is repeated, once.
        for attempt in (1, 2):
            self.focus()
            try:
                type_into_spin(spin, value)
                break
            except NoFocus as failure:
                if attempt == 2:
                    raise
                log("%s: the dialog gets the keyboard again" % failure)
        wait_for("%s = %s" % (name, value),
                 lambda: value_of(spin) == value, 5)
        log("%s set to %s" % (name, value))

    def preview_box(self):
        return extents(self.control(pyatspi.ROLE_IMAGE, "Preview"))

    def combo(self, name):
        return self.control(pyatspi.ROLE_COMBO_BOX, name)

    def label(self, name):
        return text_of(self.control(pyatspi.ROLE_LABEL, name))

    def expand_schedule(self):
        """Opens the "Schedule and deep-fry" expander unless it is open."""
        expander = find_named(self.window, "Schedule and deep-fry")

        def expanded():
            return expander.getState().contains(pyatspi.STATE_EXPANDED)
        if not expanded():
            self.focus()
            # The arrow, at the title's start: the row's right end is not
            # the expander's to click.
            x, y, w, h = extents(reveal(expander))
            xdotool("mousemove", "--sync", x + 8, y + h // 2)
            xdotool("click", "1")
            wait_for("the expander to open", expanded, 5)
            log("opened the schedule expander")
        return reveal(find(self.window, pyatspi.ROLE_TEXT, "Schedule"))


# ---------------------------------------------------------------- runners


class Harness:
    """The dialog in tests/dialog/dialog-harness on an image file."""
    app_names = ("dialog-harness",)

    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.values = os.path.join(work, "values.ini")
        self.geometry = os.path.join(work, "geometry.ini")
        self.process = None
        self.extra = []  # more options for the harness
        self.text = ""   # what the harness printed when it closed
        # The dialog's language (with args.localedir's catalogues), None
        # for the test's own environment.
        self.language = None

    def open(self, output, title="JPEG Artifacts"):
        """Starts the harness and returns its dialog, whose title starts
        with TITLE (in the dialog's language).  Now and then a
        harness started right after the X server and the accessibility bus
        came up could not open the display (GTK's "cannot open display",
        the harness exiting at once, the same display answering xdotool a
        moment later): a harness that exits before its dialog shows is
        started again, twice at most, and the test says so."""
        self.output = output
        for attempt in range(3):
            env = dict(os.environ)
            if self.language is not None:
                env.update(language_env(self.language, self.args.localedir))
            self.process = subprocess.Popen(
                [self.args.harness, self.args.image, "--values", self.values,
                 "--geometry", self.geometry, "--output", output]
                + self.extra,
                stdout=subprocess.PIPE, text=True, env=env)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                window = dialog_window(self.app_names, title)
                if window is not None:
                    return Dialog(window, title)
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
            else:
                raise Failure("timed out after 30s waiting for the JPEG "
                              "Artifacts dialog")
            log("the harness exited (status %d) before its dialog showed; "
                "starting it again" % self.process.returncode)
            time.sleep(1)
        raise Failure("the harness exited three times before its dialog "
                      "showed")

    def close(self, timeout=60):
        out, _ = self.process.communicate(timeout=timeout)
        self.text = out
        log("harness said:", out.strip().replace("\n", " "))
        if self.process.returncode != 0:
            raise Failure("the harness failed: %d" % self.process.returncode)
        return out.split()

    def finish(self):
        pass


class Gimp:
    """The dialog opened by the plug-in inside GIMP 2.10, which a Script-Fu
    batch started: it opens the image in a display, calls the procedure
    interactively RUNS times, exporting the layer after each call to
    out-N.png, then quits."""
    app_names = (PLUGIN_NAME,)

    def __init__(self, args, work, runs):
        self.args = args
        self.work = work
        self.runs = runs
        self.run = 0
        self.started = False
        # Write info-N.txt after each call (info-0.txt before the first):
        # the image's layers, dirty flag, whether undo is enabled and the
        # active layer, as Script-Fu writes them.
        self.record_image = False
        # Script-Fu run on the image before the first call.
        self.before_calls = []

    def start(self):
        home = os.path.join(self.work, "gimp2")
        folder = os.path.join(home, "plug-ins", PLUGIN_NAME)
        os.makedirs(folder)
        shutil.copy(self.args.plugin, os.path.join(folder, PLUGIN_NAME))
        harness.warm_pluginrc(home, self.args.gimp_console,
                              self.args.pluginrc_cache)
        image = os.path.abspath(self.args.image)
        calls = list(self.before_calls)
        record = ('(let ((port (open-output-file "%s")))'
                  ' (write (list (gimp-image-get-layers image)'
                  ' (gimp-image-is-dirty image)'
                  ' (gimp-image-undo-is-enabled image)'
                  ' (gimp-image-get-active-layer image)) port)'
                  ' (close-output-port port))')
        if self.record_image:
            # Clean: any undo step the dialog left would make it dirty.
            calls.append("(gimp-image-clean-all image)")
            calls.append(record % os.path.join(self.work, "info-0.txt"))
        for n in range(1, self.runs + 1):
            out = os.path.join(self.work, "out-%d.png" % n)
            calls.append(
                '(catch #f (%s RUN-INTERACTIVE image layer'
                ' 75 1 2 0 0 0 0 0 0 0 0))' % PROCEDURE)
            if self.record_image:
                calls.append(record % os.path.join(self.work,
                                                   "info-%d.txt" % n))
            calls.append(
                '(file-png-save RUN-NONINTERACTIVE image layer "%s" "%s"'
                ' 0 9 0 0 0 0 0)' % (out, out))
        batch = ('(let* ((image (car (gimp-file-load RUN-NONINTERACTIVE'
                 ' "%s" "%s")))\n'
                 '       (layer (car (gimp-image-get-active-layer image)))\n'
                 '       (display (car (gimp-display-new image))))\n'
                 '  %s\n'
                 '  (gimp-display-delete display))\n'
                 % (image, image, "\n  ".join(calls)))
        log("GIMP batch:\n" + batch)
        self.home = home
        self.spawn(["gimp-2.10", "-n", "-d", "-f", "-s",
                    "--batch-interpreter=plug-in-script-fu-eval",
                    "-b", batch, "-b", "(gimp-quit 0)"], "GIMP2_DIRECTORY")

    def spawn(self, command, folder_variable, stdin_text=None):
        """Starts COMMAND (a GIMP with its batch) with self.home as its
        GIMP folder in the environment variable FOLDER_VARIABLE, in the C
        locale or the language asked for (with the build's catalogues), its
        output in gimp.log; STDIN_TEXT, when given, is written to it."""
        env = dict(os.environ)
        env[folder_variable] = self.home
        env["LANG"] = env["LC_ALL"] = "C.UTF-8"
        if self.args.language:
            env.update(language_env(self.args.language, self.args.localedir))
        self.log_file = open(os.path.join(self.work, "gimp.log"), "w")
        self.process = subprocess.Popen(
            command, env=env,
            stdin=None if stdin_text is None else subprocess.PIPE,
            stdout=self.log_file, stderr=subprocess.STDOUT)
        if stdin_text is not None:
            self.process.stdin.write(stdin_text.encode("utf-8"))
            self.process.stdin.close()
        self.started = True

    def open(self, output, title="JPEG Artifacts"):
        if not self.started:
            self.start()
        self.run += 1
        self.output = os.path.join(self.work, "out-%d.png" % self.run)
        if output != self.output:
            self.link = output
        dialog = Dialog(find_dialog(self.app_names, 120, title), title)
        return dialog

    def close(self, timeout=60):
        wait_for("out-%d.png" % self.run,
                 lambda: os.path.exists(self.output)
                 and os.path.getsize(self.output) > 0, timeout)
        time.sleep(0.5)
        return ["ok"]

    def finish(self):
        try:
            self.process.wait(timeout=60)
        finally:
            self.log_file.close()
        with open(os.path.join(self.work, "gimp.log")) as f:
            text = f.read()
        log("GIMP's output:\n" + text[-3000:])
