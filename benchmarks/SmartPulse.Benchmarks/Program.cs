// Release console harness. Usage:
//   dotnet run -c Release --project benchmarks/SmartPulse.Benchmarks -- <name> [args]
// Each benchmark is a class in a folder per concern implementing IBenchmark and listed in Registry.
using SmartPulse.Benchmarks;

return Registry.Run(args);
