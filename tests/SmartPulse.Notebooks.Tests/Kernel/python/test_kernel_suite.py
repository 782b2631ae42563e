"""Jupyter's own kernel test suite (Debian's python3-jupyter-kernel-test) against the SmartPulse C# kernel.

Run from KernelPythonTests.cs with JUPYTER_PATH pointing at a temporary `smartpulse kernel install --prefix`;
the kernel name comes from SMARTPULSE_KERNEL_NAME (default .net-csharp).
"""
import os
import unittest

import jupyter_kernel_test


class SmartPulseKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("SMARTPULSE_KERNEL_NAME", ".net-csharp")

    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'

    code_stderr = 'Console.Error.WriteLine("oops");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"smart" + "pulse"', "result": "smartpulse"},
        {"code": "var answer = 40;\nanswer + 2", "result": "42"},
    ]

    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": 'display("# title", "text/markdown");', "mime": "text/markdown"},
        {"code": "new[] { 1, 2, 3 }.Display();", "mime": "text/plain"},
    ]

    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "Math.Ab", "matches": {"Abs"}},
        {"text": 'var someLongVariableName = 1;\nsomeLongVar', "matches": {"someLongVariableName"}},
        {"text": '"abc".ToUpperInv', "matches": {"ToUpperInvariant"}},
    ]

    complete_code_samples = [
        "1 + 1",
        "var x = 1;",
        'Console.WriteLine("hi");',
        "for (var i = 0; i < 3; i++) { }",
        "int F(int a) => a * 2;",
        '#r "nuget: Humanizer.Core, 2.14.1"',
        "",
    ]
    incomplete_code_samples = [
        "for (var i = 0; i < 3; i++) {",
        "int F(int a) {",
        "var s = \"unterminated",
        "/* open comment",
        "var list = new List<int> {",
    ]
    invalid_code_samples = [
        "int x = ;",
        "x = = 1;",
        "if (true) else { }",
        "Console.WriteLine(1));",
    ]

    code_generate_error = 'throw new InvalidOperationException("boom");'

    code_inspect_sample = "Console.WriteLine"

    # Pager payloads: `expr?` shows expr's documentation in the front end's pager.
    code_page_something = "Console.WriteLine?"

    # history_request: tail, range and search (glob over the input; matches "6 * 7" above).
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6*7"

    # clear_output: the ClearOutput() helper (Console.Clear() maps to it).
    code_clear_output = 'Console.WriteLine("before"); ClearOutput(); Console.Clear(); Console.WriteLine("after");'


if __name__ == "__main__":
    unittest.main()
