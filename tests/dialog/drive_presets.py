# drive_presets.py: drive.py's scenarios on the presets and the second
# procedure's settings: picking a built-in preset, saving one's own,
# broken presets files, the schedule entry, and using the original
# file's settings.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import time

from drive_atspi import (click, combo_items, combo_select, combo_selected,
                         dialog_window, Failure, find, find_dialog, find_named,
                         is_sensitive, log, preview_matches, pyatspi, reveal,
                         rgb_bytes, same_pixels, screenshot, text_of,
                         type_into_entry, value_of, wait_for, xdotool)
from drive_dialog import Harness
from drive_scenarios import (check_preview_changed, cli_output, cli_table,
                             harness_values, parse_file_size, preview_shot)


DEEP_FRIED = "Like deep-fried"


def scenario_preset(args, runner, work):
    """Picks "Like deep-fried" in the Preset combo: its description shows,
    the preview changes; a look control changed makes the combo say
    "Custom"; picked again, OK gives exactly what jpeg-artifacts --preset
    deep-fried gives, and the values remember the preset."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.wait_ready()
    before = os.path.join(args.logdir, "%s-before.png" % args.name)
    before_box = preview_shot(dialog, before)
    combo = dialog.combo("Preset")
    if not combo.description:
        raise Failure("the preset combo has no description (tooltip)")
    items = combo_items(combo)
    log("the presets:", items)
    if items[-1] != "Custom" or DEEP_FRIED not in items:
        raise Failure("the preset combo lists %r" % items)
    if combo_selected(combo) != "Custom":
        raise Failure("the default values show as %r, not Custom"
                      % combo_selected(combo))
    combo_select(combo, DEEP_FRIED)
    dialog.wait_ready(timeout=120)
    description = dialog.label("Preset description")
    log("description:", description)
    if not description or description.startswith("Your own settings"):
        raise Failure("no description of the preset: %r" % description)
    after = os.path.join(args.logdir, "%s-deep-fried.png" % args.name)
    after_box = preview_shot(dialog, after)
    check_preview_changed(before, before_box, after, after_box, args.image,
                          "the preset")
    quality = value_of(dialog.spin("Quality"))
    dialog.set_number("Quality", 99 if quality != 99 else 98)
    wait_for("Custom", lambda: combo_selected(combo) == "Custom", 5)
    log("a changed control makes the preset Custom")
    combo_select(combo, DEEP_FRIED)
    if value_of(dialog.spin("Quality")) != quality:
        raise Failure("picking the preset again did not bring back its "
                      "quality")
    dialog.wait_ready(timeout=120)
    shot = os.path.join(args.logdir, "%s-ready.png" % args.name)
    box = preview_shot(dialog, shot)
    click(dialog.button("OK"))
    said = runner.close(timeout=120)
    runner.finish()
    if "ok" not in said or "computed-here" in said:
        raise Failure("OK did not hand over the dialog's result")
    values = harness_values(runner)
    if isinstance(runner, Harness) and values.get("preset") != "deep-fried":
        raise Failure("the values name the preset %r" % values.get("preset"))
    reference = cli_output(args, work, "cli.png", "--preset", "deep-fried")
    if not same_pixels(runner.output, reference):
        raise Failure("the result differs from jpeg-artifacts --preset "
                      "deep-fried")
    log("the result equals jpeg-artifacts --preset deep-fried")
    if not preview_matches(shot, box, runner.output):
        raise Failure("the preview did not show the pixels OK wrote")


def ask_preset_name(runner, name):
    """In the "Save Preset" window, types NAME and presses Enter; returns
    the window."""
    window = find_dialog(runner.app_names, 10, "Save Preset")
    entry = find(window, pyatspi.ROLE_TEXT, "Preset name")
    if not entry.description:
        raise Failure("the preset name has no description")
    xdotool("search", "--limit", "1", "--name", "^Save Preset",
            "windowfocus", "--sync")
    type_into_entry(entry, name)
    xdotool("key", "Return")
    log("asked to save the preset %r" % name)
    return window


def scenario_save_preset(args, runner, work):
    """Saves the look as the preset "Mine" (an empty name and a built-in
    one refused with the reason shown): the key file holds it and the
    combo shows it, Delete becomes sensitive; OK, and the reopened dialog
    lists and shows "Mine"; Delete takes it out of the list and the file.
    Without a presets file, Save and Delete are insensitive and say why."""
    presets = os.path.join(work, "presets.ini")
    dialog = runner.open(os.path.join(work, "none.png"))
    save = dialog.button("Save preset")
    delete = dialog.button("Delete preset")
    if is_sensitive(save) or is_sensitive(delete) or not save.description:
        raise Failure("without a presets file Save and Delete are not "
                      "insensitive with a reason")
    log("without a presets file:", save.description)
    click(dialog.button("Cancel"))
    runner.close()

    runner.extra = ["--presets", presets]
    dialog = runner.open(os.path.join(work, "first.png"))
    dialog.set_number("Quality", 33)
    dialog.set_number("Generations", 4)
    combo = dialog.combo("Preset")
    if combo_selected(combo) != "Custom":
        raise Failure("the combo shows %r, not Custom" % combo_selected(combo))
    save = dialog.button("Save preset")
    delete = dialog.button("Delete preset")
    if not is_sensitive(save) or is_sensitive(delete):
        raise Failure("Save should be sensitive and Delete not")
    for refused in ("", DEEP_FRIED):
        dialog.focus()
        click(save)
        window = ask_preset_name(runner, refused)
        error = find(window, pyatspi.ROLE_LABEL, "Preset error")
        message = wait_for("the reason", lambda: text_of(error), 5)
        log("the name %r is refused: %s" % (refused, message))
        screenshot(os.path.join(args.logdir, "%s-refused-%d.png"
                                % (args.name, len(refused))))
        click(find(window, pyatspi.ROLE_PUSH_BUTTON, "Cancel"))
        wait_for("the question to close", lambda: dialog_window(
            runner.app_names, "Save Preset") is None, 5)
    if os.path.exists(presets) and "[%s]" % DEEP_FRIED in open(presets).read():
        raise Failure("a built-in name was saved")
    dialog.focus()
    click(save)
    ask_preset_name(runner, "Mine")
    wait_for("Mine in the combo", lambda: combo_selected(combo) == "Mine", 5)
    with open(presets) as f:
        text = f.read()
    log("the presets file:\n" + text)
    if "[Mine]" not in text:
        raise Failure("the presets file has no [Mine]")
    if not is_sensitive(delete):
        raise Failure("Delete is not sensitive for the user's preset")
    dialog.wait_ready()
    screenshot(os.path.join(args.logdir, "%s-saved.png" % args.name))
    click(dialog.button("OK"))
    runner.close()
    if harness_values(runner).get("preset") != "Mine":
        raise Failure("the values do not name the preset Mine")

    dialog = runner.open(os.path.join(work, "second.png"))
    combo = dialog.combo("Preset")
    items = combo_items(combo)
    log("the reopened dialog lists", items)
    if "Mine" not in items or items.index("Mine") < items.index(DEEP_FRIED):
        raise Failure("the user's preset is not listed after the built-in "
                      "ones: %r" % items)
    if combo_selected(combo) != "Mine":
        raise Failure("the reopened dialog shows %r, not Mine"
                      % combo_selected(combo))
    screenshot(os.path.join(args.logdir, "%s-reopened.png" % args.name))
    dialog.focus()
    click(dialog.button("Delete preset"))
    wait_for("Custom", lambda: combo_selected(combo) == "Custom", 5)
    if "Mine" in combo_items(combo):
        raise Failure("Mine is still listed after Delete")
    with open(presets) as f:
        if "[Mine]" in f.read():
            raise Failure("the presets file still has [Mine]")
    if value_of(dialog.spin("Quality")) != 33:
        raise Failure("Delete changed the controls")
    log("Delete took Mine out of the list and the file")
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


def scenario_broken_presets(args, runner, work):
    """A presets file with a line that does not parse: the opened dialog
    says so below the preset buttons, naming the file and the line; saving
    "Mine" keeps the file aside (byte for byte) and says under what name,
    and the new file holds "Mine"."""
    presets = os.path.join(work, "presets.ini")
    broken = "[Old]\nquality=40\nthis line is no key\n"
    with open(presets, "w") as f:
        f.write(broken)
    runner.extra = ["--presets", presets]
    dialog = runner.open(os.path.join(work, "broken.png"))
    message = wait_for("the presets message",
                       lambda: dialog.label("Presets message"), 5)
    log("on opening:", message)
    if presets not in message or "line 3" not in message:
        raise Failure("the message does not name the file and line 3: %r"
                      % message)
    dialog.set_number("Quality", 33)
    dialog.focus()
    click(dialog.button("Save preset"))
    ask_preset_name(runner, "Mine")
    combo = dialog.combo("Preset")
    wait_for("Mine in the combo", lambda: combo_selected(combo) == "Mine", 5)
    message = dialog.label("Presets message")
    log("after saving:", message)
    aside = [name for name in os.listdir(work)
             if name.startswith("presets.ini.broken-")]
    if len(aside) != 1 or aside[0] not in message:
        raise Failure("no file kept aside named in the message: %r, %r"
                      % (aside, message))
    with open(os.path.join(work, aside[0])) as f:
        if f.read() != broken:
            raise Failure("the file kept aside is not the broken file")
    with open(presets) as f:
        if "[Mine]" not in f.read():
            raise Failure("the new presets file has no [Mine]")
    screenshot(os.path.join(args.logdir, "%s-kept-aside.png" % args.name))
    click(dialog.button("Cancel"))
    runner.close()
    runner.finish()


# The last step, which generation 5 follows, saves a copy of half the size.
SCHEDULE = "q90 *2; q25 sat1.6 sharp0.8; q45 422 x0.5"
# Wrong ends typed after SCHEDULE, and the error each must show.
UNKNOWN_WORD = "“%s” is not a word of a schedule (see the tooltip)"
BAD_SCHEDULE_TAILS = (
    ("; q50*65", "“*65”: a repeat goes from *1 to *64"),
    ("; q50 *0", "“*0”: a repeat goes from *1 to *64"),
    ("; q101", "“q101”: the quality goes from 1 to 100"),
    ("; q50 soggy", UNKNOWN_WORD % "soggy"),
)


def scenario_schedule_entry(args, runner, work):
    """Generations 5 and a schedule typed into its entry: the preview
    changes and says what the generation was saved with (a copy of half
    the size), the file size read-out is what jpeg-artifacts prints, per
    pixel of that copy; a word the schedule does not know shows the
    warning with the word, refuses OK and keeps the preview; a repeat or
    a quality out of range is named with its range, as the tool names
    it, a word it does not know as such; corrected,
    OK gives exactly what jpeg-artifacts --schedule gives."""
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Generations", 5)
    dialog.wait_ready(generations=5)
    before = os.path.join(args.logdir, "%s-before.png" % args.name)
    before_box = preview_shot(dialog, before)
    entry = dialog.expand_schedule()
    if not entry.description:
        raise Failure("the schedule entry has no description (tooltip)")
    dialog.focus()
    type_into_entry(entry, SCHEDULE)
    wait_for("the schedule typed", lambda: text_of(entry) == SCHEDULE, 10)
    dialog.wait_ready(generations=5)
    saved = dialog.label("Generation settings")
    log("generation settings:", saved)
    _, width, height = rgb_bytes(args.image)
    half = (round(width * 0.5), round(height * 0.5))
    if saved != "Generation 5 saved with quality 45, 4:2:2, at %d×%d pixels" \
            % half:
        raise Failure("the generation settings say %r" % saved)
    size_label = dialog.control(pyatspi.ROLE_LABEL, "File size")
    size_text = wait_for("the file size", lambda: (
        text_of(size_label).startswith("File size: ")
        and "measuring" not in text_of(size_label)
        and text_of(size_label)), 30)
    kb, bits = parse_file_size(size_text)
    last = cli_table(args, work, 75, 5, "--schedule", SCHEDULE)[-1]
    if "%.1f" % kb != last["progressive_kb"]:
        raise Failure("the dialog says %.1f kB, jpeg-artifacts %s kB"
                      % (kb, last["progressive_kb"]))
    expected_bits = float(last["progressive_kb"]) * 8000 / (half[0] * half[1])
    if abs(bits - expected_bits) > 8 * 50 / (half[0] * half[1]) + 0.005:
        raise Failure("%.2f bits/pixel, expected about %.3f for the copy "
                      "of %dx%d" % (bits, expected_bits, half[0], half[1]))
    log("%r: as jpeg-artifacts, per pixel of the %dx%d copy"
        % (size_text, half[0], half[1]))
    after = os.path.join(args.logdir, "%s-schedule.png" % args.name)
    after_box = preview_shot(dialog, after)
    check_preview_changed(before, before_box, after, after_box, args.image,
                          "the schedule")

    ok = dialog.button("OK")
    if not is_sensitive(ok):
        raise Failure("OK is insensitive with a valid schedule")
    dialog.focus()
    click(reveal(entry))
    xdotool("key", "End")
    xdotool("type", "--delay", "20", "; crunchy")
    # The error is read once the entry holds every key typed: read sooner,
    # it names the word as far as the dialog had it ("crunch").
    wait_for("the word typed",
             lambda: text_of(entry) == SCHEDULE + "; crunchy", 10)
    error = find(dialog.window, pyatspi.ROLE_LABEL, "Schedule error")
    message = wait_for("the schedule's error", lambda: text_of(error), 5)
    log("the schedule's error:", message)
    if "crunchy" not in message:
        raise Failure("the error does not name the word at fault")
    wait_for("OK to be refused", lambda: not is_sensitive(ok), 5)
    # "...x0.5;" on the way read (an empty last step): once that result is
    # ready, more of the wrong word must not start another run.
    dialog.wait_ready(generations=5)
    xdotool("type", "--delay", "20", "x")
    wait_for("the error to follow", lambda: "crunchyx" in text_of(error), 5)
    time.sleep(0.3)
    status = dialog.status()
    if not status.startswith("Result ready"):
        raise Failure("a schedule that does not read restarted the preview: "
                      + status)
    if is_sensitive(ok):
        raise Failure("OK is sensitive with a schedule that does not read")
    screenshot(os.path.join(args.logdir, "%s-invalid.png" % args.name))
    # The message names the fault as the tool does: a word it does not
    # know, a repeat beyond its range (not "not a word"), a bad quality.
    tail = "; crunchyx"
    if text_of(error) != UNKNOWN_WORD % "crunchyx":
        raise Failure("the error for a word it does not know says %r"
                      % text_of(error))
    for wrong, expected in BAD_SCHEDULE_TAILS:
        for _ in range(len(tail)):
            xdotool("key", "BackSpace")
        xdotool("type", "--delay", "20", wrong)
        wait_for("%r typed" % wrong,
                 lambda: text_of(entry) == SCHEDULE + wrong, 10)
        try:
            wait_for("the error of %r" % wrong,
                     lambda: text_of(error) == expected, 5)
        except Failure:
            raise Failure("the error for %r says %r, not %r"
                          % (wrong, text_of(error), expected))
        log("the schedule's error:", expected)
        wait_for("OK to be refused", lambda: not is_sensitive(ok), 5)
        tail = wrong
    for _ in range(len(tail)):
        xdotool("key", "BackSpace")
    wait_for("OK again", lambda: is_sensitive(ok), 5)
    wait_for("the error to go", lambda: pyatspi.findDescendant(
        dialog.window, lambda o: o is not None and o.name == "Schedule error"
        and o.getState().contains(pyatspi.STATE_SHOWING)) is None, 5)
    dialog.wait_ready(generations=5)
    shot = os.path.join(args.logdir, "%s-ready.png" % args.name)
    # Read where the preview is now: a read-out the wrong schedule's runs
    # showed may have widened the dialog, which moves the preview.
    box = preview_shot(dialog, shot)
    if box != before_box:
        log("the preview moved from %r to %r" % (before_box, box))
    click(ok)
    said = runner.close()
    runner.finish()
    if "ok" not in said or "computed-here" in said:
        raise Failure("OK did not hand over the dialog's result")
    if isinstance(runner, Harness) and \
            harness_values(runner).get("schedule") != SCHEDULE:
        raise Failure("the values hold the schedule %r"
                      % harness_values(runner).get("schedule"))
    reference = cli_output(args, work, "cli.png", "--generations", "5",
                           "--schedule", SCHEDULE)
    if not same_pixels(runner.output, reference):
        raise Failure("the result differs from jpeg-artifacts --schedule")
    log("the result equals jpeg-artifacts --generations 5 --schedule '%s'"
        % SCHEDULE)
    if not preview_matches(shot, box, runner.output):
        raise Failure("the preview did not show the pixels OK wrote")


ORIGINAL_LABEL = "Use the original file's settings"


def scenario_original_settings(args, runner, work):
    """Without an original JPEG file the check button is insensitive and
    says why (and so when the file's settings cannot be reproduced); with
    one (quality 85, 4:2:2) it names them; the schedule's word "tables"
    is refused until it is on, with a message naming it; on it makes
    Quality and Subsampling insensitive; OK gives what jpeg-artifacts
    --tables-from gives for a file saved with those settings."""
    for extra, why in (([], "The image was not loaded from a JPEG file"),
                       (["--original-unusable"], "cannot be reproduced")):
        runner.extra = extra
        dialog = runner.open(os.path.join(work, "none.png"))
        dialog.expand_schedule()
        check = dialog.control(pyatspi.ROLE_CHECK_BOX, ORIGINAL_LABEL)
        log("%s: %r, %r" % (extra, check.name, check.description))
        if is_sensitive(check) or why not in check.description:
            raise Failure("the check button is not insensitive with %r"
                          % why)
        screenshot(os.path.join(args.logdir, "%s-absent-%d.png"
                                % (args.name, len(extra))))
        click(dialog.button("Cancel"))
        runner.close()

    runner.extra = ["--original", "85:422"]
    dialog = runner.open(os.path.join(work, "result.png"))
    dialog.set_number("Generations", 3)
    dialog.wait_ready(generations=3)
    entry = dialog.expand_schedule()
    check = find_named(dialog.window, ORIGINAL_LABEL, prefix=True)
    log("with an original:", check.name)
    if not is_sensitive(check) or "quality ≈ 85, 4:2:2" not in check.name:
        raise Failure("the check button does not offer the original's "
                      "settings: %r" % check.name)
    if not is_sensitive(dialog.slider("Quality")):
        raise Failure("Quality is insensitive before the check button is on")
    # The schedule's word "tables" takes the original file's tables only
    # with the check button on, as the plug-in's checks require.
    dialog.focus()
    type_into_entry(reveal(entry), "tables")
    wait_for("the word typed", lambda: text_of(entry) == "tables", 10)
    error = find(dialog.window, pyatspi.ROLE_LABEL, "Schedule error")
    expected = "“tables”: the original file's tables need “%s” on" \
        % ORIGINAL_LABEL
    try:
        wait_for("the error of 'tables'",
                 lambda: text_of(error) == expected, 5)
    except Failure:
        raise Failure("the error for 'tables' with the check button off "
                      "says %r, not %r" % (text_of(error), expected))
    log("the schedule's error:", expected)
    ok = dialog.button("OK")
    wait_for("OK to be refused", lambda: not is_sensitive(ok), 5)
    dialog.focus()
    click(reveal(check))
    wait_for("the check button on", lambda: check.getState().contains(
        pyatspi.STATE_CHECKED), 5)
    wait_for("OK with 'tables' and the check button on",
             lambda: is_sensitive(ok), 5)
    type_into_entry(reveal(entry), "")
    wait_for("the schedule emptied", lambda: text_of(entry) == "", 10)
    for control in (dialog.slider("Quality"), dialog.spin("Quality"),
                    dialog.combo("Subsampling")):
        if is_sensitive(control):
            raise Failure("%s is sensitive with the original's settings on"
                          % control.name)
    dialog.wait_ready(generations=3)
    saved = dialog.label("Generation settings")
    log("generation settings:", saved)
    if saved != "Generation 3 saved with the file's tables, 4:2:2":
        raise Failure("the generation settings say %r" % saved)
    screenshot(os.path.join(args.logdir, "%s-on.png" % args.name))
    click(dialog.button("OK"))
    said = runner.close()
    runner.finish()
    if "ok" not in said or harness_values(runner).get("use-original") != "1":
        raise Failure("the values do not hold use-original")
    original = os.path.join(work, "original.jpg")
    subprocess.run(["convert", args.image, "-quality", "85",
                    "-sampling-factor", "2x1", original], check=True)
    reference = cli_output(args, work, "cli.png", "--generations", "3",
                           "--tables-from", original)
    if not same_pixels(runner.output, reference):
        raise Failure("the result differs from jpeg-artifacts --tables-from "
                      "a quality 85 4:2:2 file")
    log("the result equals jpeg-artifacts --tables-from a quality 85, 4:2:2 "
        "file")
