namespace SmartPulse.Notebooks.Tests;
public class SmokeTests { [Fact] public void AssemblyNameIsStable() => Assert.Equal("SmartPulse.Notebooks", typeof(SmartPulse.Notebooks.NotebooksAssembly).Assembly.GetName().Name); }
