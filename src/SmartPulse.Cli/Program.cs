if (args.Length > 1 && args[0] == "kernel" && args[1] is not ("install" or "uninstall" or "-h" or "--help") && !args.Contains("--warm-up"))
{
    // A kernel's first cell waits for Roslyn to be loaded and jitted: start that on the other core now, while the
    // command line is parsed and the kernel binds its sockets. Not when F#/SQL are to be warmed too (--warm-up): on
    // two cores the extra C# work delayed F# Interactive's start by seconds.
    SmartPulse.Notebooks.Execution.ScriptPrewarm.Start();
}

return SmartPulse.Cli.CommandLine.Run(args, Console.Out, Console.Error);
