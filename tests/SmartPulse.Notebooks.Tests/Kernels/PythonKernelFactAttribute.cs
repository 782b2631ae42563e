using SmartPulse.Notebooks.Client;

namespace SmartPulse.Notebooks.Tests.Kernels;

/// <summary>
/// A fact that needs a python3 Jupyter kernelspec with pandas (Debian: python3-ipykernel, python3-pandas).
/// Skipped with the reason on a machine without it; under CI=true it runs (.ci/run installs them).
/// </summary>
public sealed class PythonKernelFactAttribute : FactAttribute
{
    public PythonKernelFactAttribute()
    {
        if (KernelSpecCatalog.Find("python3") is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "no python3 Jupyter kernelspec (apt-get install -y python3-ipykernel python3-pandas); CI installs it and runs this test.";
        }
    }
}
