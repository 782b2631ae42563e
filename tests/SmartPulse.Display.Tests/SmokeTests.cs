namespace SmartPulse.Display.Tests;
public class SmokeTests { [Fact] public void AssemblyNameIsStable() => Assert.Equal("SmartPulse.Display", typeof(SmartPulse.Display.DisplayAssembly).Assembly.GetName().Name); }
