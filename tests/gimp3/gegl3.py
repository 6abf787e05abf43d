#!/usr/bin/python3
# gegl3.py: the GEGL operation ja:jpeg-artifacts inside a real GIMP 3.0 or
# 3.2, in batch mode through Python-Fu (gimp3.py), one case per GIMP start:
#
#   gegl3.py CASE --gegl-module SO --plugin BIN --cli BIN --data DIR
#            --gimp BIN --workdir DIR --warm DIR --localedir DIR
#
# GIMP loads the module from the user's GEGL folder
# ($XDG_DATA_HOME/gegl-0.4/plug-ins, here the case's own).  filter-vs-cli:
# a GimpDrawableFilter with the operation on an RGB and an RGBA layer,
# its properties set through the filter's config, appended and merged,
# gives the command-line tool's pixels (alpha kept).  filter-deep-alpha:
# the same on 16-bit and floating-point RGBA layers keeps their alpha at 16
# bits.  filter-rerenders: a
# filter appended with quality 20, then set to quality 50 and updated,
# merges into the tool's quality-50 pixels; the layer keeps its filter
# until then.  plugin-filter-output: the plug-in's output "filter" adds
# one such filter to each selected layer, which re-renders after its
# quality changes.  Exit status 0 when every check holds, 1 with the first
# failed check on stderr.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "gimp"))

import cases3  # noqa: E402
import harness  # noqa: E402
from cases import sample_rgb, write_input  # noqa: E402
from harness import assert_same, check, run_cli  # noqa: E402
from gimp3 import read_dump, run_gimp  # noqa: E402

# A filter with the operation on the layer d, its properties PROPS (name ->
# value) set, appended (FILTER_ON_D); FILTER the same on the first layer of
# IMAGE PATH; MERGE merges it.
FILTER_ON_D = """
f = Gimp.DrawableFilter.new(d, "ja:jpeg-artifacts", "JPEG Artifacts")
c = f.get_config()
for name, value in %(props)r:
    c.set_property(name, value)
f.update()
d.append_filter(f)
"""

FILTER = """
img = load(%(path)r)
d = layer_of(img)
""" + FILTER_ON_D + """
log("filters", %(label)r, len(d.get_filters()))
"""

MERGE = """
d.merge_filters()
log("filters-after-merge", %(label)r, len(d.get_filters()))
dump(d, %(dump)r)
"""


def use_gegl_module(config):
    """Copies the module into the case's own user GEGL folder, which GIMP
    (through GEGL) then loads from: XDG_DATA_HOME/gegl-0.4/plug-ins."""
    modules = config.path(os.path.join("data", "gegl-0.4", "plug-ins"))
    os.makedirs(modules, exist_ok=True)
    shutil.copy(config.args.gegl_module, modules)
    os.environ["XDG_DATA_HOME"] = config.path("data")


def inputs(config):
    rgb = sample_rgb(config)
    rgba = harness.cut_sample(config, "chelsea.png", 150, 60, 133, 101)
    rgba = harness.with_alpha(rgba, harness.alpha_ramp(rgba.width,
                                                       rgba.height))
    return [("rgb", rgb, write_input(config, "rgb.png", rgb)),
            ("rgba", rgba, write_input(config, "rgba.png", rgba))]


def case_filter_vs_cli(config):
    use_gegl_module(config)
    runs = [
        ("q30-g10", [("quality", 30), ("generations", 10)],
         dict(quality=30, generations=10)),
        ("q70-g4-drift-jitter",
         [("quality", 70), ("generations", 4), ("drift", 3), ("jitter", 8),
          ("seed", 5)],
         dict(quality=70, generations=4, drift=3, jitter=8, seed=5)),
    ]
    script = ""
    for name, image, path in inputs(config):
        for label, props, _ in runs:
            run_label = "%s-%s" % (name, label)
            values = dict(path=path, props=props, label=run_label,
                          dump=config.path("gimp-%s.raw" % run_label))
            script += FILTER % values + MERGE % values
    run = run_gimp(config, script)
    for name, image, path in inputs(config):
        for label, _, options in runs:
            run_label = "%s-%s" % (name, label)
            check(run.value("filters %s" % run_label) == "1",
                  "%s: the layer has no filter" % run_label)
            check(run.value("filters-after-merge %s" % run_label) == "0",
                  "%s: the filter stayed after the merge" % run_label)
            expected = run_cli(config, path,
                               config.path("cli-%s.png" % run_label),
                               **options)
            actual = read_dump(config.path("gimp-%s.raw" % run_label),
                               image.width, image.height, image.channels)
            assert_same(actual, expected,
                        "%s: GIMP %s's filter vs the tool"
                        % (run_label, config.version))
            print("same: %s" % run_label)


def case_filter_rerenders(config):
    use_gegl_module(config)
    name, image, path = inputs(config)[1]
    values = dict(path=path, props=[("quality", 20), ("generations", 3)],
                  label="rerender", dump=config.path("gimp-rerender.raw"))
    script = FILTER % values + """
dump(d, %(before)r)
c.set_property("quality", 50)
f.update()
log("quality-now", c.get_property("quality"))
""" % dict(before=config.path("gimp-before-merge.raw")) + MERGE % values
    run = run_gimp(config, script)
    check(run.value("quality-now") == "50", "the property did not change")
    before = read_dump(config.path("gimp-before-merge.raw"), image.width,
                       image.height, image.channels)
    assert_same(before, image, "the layer's own pixels, under its filter")
    expected = run_cli(config, path, config.path("cli-q50.png"), quality=50,
                       generations=3)
    actual = read_dump(config.path("gimp-rerender.raw"), image.width,
                       image.height, image.channels)
    assert_same(actual, expected, "GIMP %s's filter after quality 50 vs the "
                "tool" % config.version)


def case_plugin_filter_output(config):
    """The plug-in's output "filter" on two selected layers (RGB and
    RGBA): each gets one ja:jpeg-artifacts filter with the call's
    quality; the first's quality set to 50 afterwards, both merged, each
    equals the tool with its quality.  A third layer's filter with the
    floating-point DCT equals the tool's --dct float (the operation had no
    such DCT and the plug-in read past its list of names)."""
    use_gegl_module(config)
    (_, rgb, rgb_path), (_, rgba, rgba_path) = inputs(config)
    script = """
img = load(%(rgb)r)
first = layer_of(img)
second = Gimp.file_load_layer(Gimp.RunMode.NONINTERACTIVE, img,
                              Gio.File.new_for_path(%(rgba)r))
img.insert_layer(second, None, 0)
call("filter", img, [first, second], output="filter", quality=30,
     generations=10)
for name, d in (("first", first), ("second", second)):
    filters = d.get_filters()
    log("filters", name, len(filters))
    for f in filters:
        log("operation", name, f.get_operation_name())
        log("quality", name, f.get_config().get_property("quality"))
f = first.get_filters()[0]
f.get_config().set_property("quality", 50)
f.update()
for name, d in (("first", first), ("second", second)):
    d.merge_filters()
    dump(d, %(dump)r %% name)
img = load(%(rgb)r)
third = layer_of(img)
call("filter-float", img, [third], output="filter", quality=40,
     generations=3, dct="float")
third.merge_filters()
dump(third, %(dump)r %% "third")
""" % dict(rgb=rgb_path, rgba=rgba_path,
           dump=config.path("gimp-%s.raw"))
    run = run_gimp(config, script)
    run.ran("filter")
    run.ran("filter-float")
    expected = run_cli(config, rgb_path, config.path("cli-third.png"),
                       quality=40, generations=3, dct="float")
    assert_same(read_dump(config.path("gimp-third.raw"), rgb.width,
                          rgb.height, rgb.channels), expected,
                "GIMP %s: a filter with the floating-point DCT vs the tool"
                % config.version)
    print("same: a filter with the floating-point DCT")
    for name in ("first", "second"):
        check(run.value("filters %s" % name) == "1",
              "the %s layer has %s filters, not 1"
              % (name, run.value("filters %s" % name)))
        check(run.value("operation %s" % name) == "ja:jpeg-artifacts",
              "the %s layer's filter is %s"
              % (name, run.value("operation %s" % name)))
        check(run.value("quality %s" % name) == "30",
              "the %s layer's filter has quality %s"
              % (name, run.value("quality %s" % name)))
    for name, image, path, quality in (("first", rgb, rgb_path, 50),
                                       ("second", rgba, rgba_path, 30)):
        expected = run_cli(config, path, config.path("cli-%s.png" % name),
                           quality=quality, generations=10)
        actual = read_dump(config.path("gimp-%s.raw" % name), image.width,
                           image.height, image.channels)
        assert_same(actual, expected, "GIMP %s: the %s layer's filter at "
                    "quality %d vs the tool" % (config.version, name,
                                                quality))
        print("same: %s layer, quality %d" % (name, quality))


def case_filter_deep_alpha(config):
    """The filter on RGBA layers converted to 16-bit integer and 32-bit
    float linear (cases3.deep_alpha_run), merged: the colours equal the
    tool's, the alpha at 16 bits does not change, as the plug-in keeps
    it."""
    use_gegl_module(config)
    cases3.deep_alpha_run(
        config, FILTER_ON_D % dict(props=[("quality", 35), ("generations", 4)])
        + """
d.merge_filters()
log("filters-after-merge", LABEL, len(d.get_filters()))
""", lambda png, label: run_cli(config, png,
                                config.path("cli-%s.png" % label),
                                quality=35, generations=4),
        lambda run, label: check(
            run.value("filters-after-merge %s" % label) == "0",
            "%s: the filter stayed after the merge" % label))


CASES = {
    "plugin-filter-output": case_plugin_filter_output,
    "filter-deep-alpha": case_filter_deep_alpha,
    "filter-vs-cli": case_filter_vs_cli,
    "filter-rerenders": case_filter_rerenders,
}


if __name__ == "__main__":
    sys.exit(cases3.main(CASES, extra=[
        ("--gegl-module", "the GEGL operation module to load")]))
