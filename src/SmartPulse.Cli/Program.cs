if (args.Length > 1 && args[0] == "kernel" && args[1] is not ("install" or "uninstall" or "-h" or "--help"))
{
    // A kernel's first cell waits for Roslyn to be loaded and jitted: start that on the other core now, while the
    // command line is parsed and the kernel binds its sockets.
    SmartPulse.Notebooks.Execution.ScriptPrewarm.Start();
}

return SmartPulse.Cli.CommandLine.Run(args, Console.Out, Console.Error);
