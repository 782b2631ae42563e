using System.Net;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Server.Tests;

/// <summary>
/// A real Kestrel server on a free loopback port, serving a Mall model fitted the way <c>smartpulse segment
/// data/Mall_Customers.csv --features "Annual Income (k$),Spending Score (1-100)" --k 5 --scale none</c> fits it.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public static readonly string[] MallFeatures = ["Annual Income (k$)", "Spending Score (1-100)"];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "smartpulse-server-tests", Guid.NewGuid().ToString("N"));

    public SmartPulseServer Server { get; private set; } = null!;

    public SegmentationRun MallRun { get; private set; } = null!;

    public Microsoft.Data.Analysis.DataFrame Mall { get; private set; } = null!;

    public string ModelPath => Path.Combine(Folder, "mall.zip");

    public string UploadTemp => Path.Combine(Folder, "uploads");

    public static SegmentationOptions MallOptions => new() { Features = MallFeatures, K = 5, Scale = null, Seed = 0 };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(UploadTemp);
        Mall = CsvLoader.Load(Datasets.Mall.Path);
        MallRun = Segmenter.Fit(Mall, MallOptions);
        MallRun.Model.Save(ModelPath);
        Server = await Start(new ServerOptions { Port = 0, Models = [ModelPath], TempDirectory = UploadTemp, RateLimitPerMinute = 0 });
    }

    public static Task<SmartPulseServer> Start(ServerOptions options) => SmartPulseServer.StartAsync(options);

    public HttpClient Client(SmartPulseServer? server = null, bool cookies = true) =>
        new(new HttpClientHandler { UseCookies = cookies, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = (server ?? Server).Address,
        };

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;
