using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Tests.TestSupport;

namespace SmartPulse.Analysis.Tests.Clustering;

public class DbscanTests
{
    [Fact]
    public void Toy_line_hand_computed()
    {
        // eps 1.5, MinPoints 2: 0-1-2 chain is one cluster, 10-11 another, 20 is noise.
        var data = FeatureMatrix.FromRows([[0.0], [1.0], [2.0], [10.0], [11.0], [20.0]], ["x"]);
        var model = new Dbscan(new DbscanOptions { Eps = 1.5, MinPoints = 2 }).Fit(data);
        Assert.Equal([0, 0, 0, 1, 1, -1], model.Labels);
        Assert.Equal(2, model.ClusterCount);
        Assert.Equal(1, model.NoiseCount);
        Assert.Equal([3, 2], model.Sizes);
        Assert.False(model.IsCore[5]);

        // MinPoints 3: only row 1 (neighbours 0, 1, 2) is core; 0 and 2 are its border rows.
        var strict = new Dbscan(new DbscanOptions { Eps = 1.5, MinPoints = 3 }).Fit(data);
        Assert.Equal([0, 0, 0, -1, -1, -1], strict.Labels);
        Assert.Equal([false, true, false, false, false, false], strict.IsCore);
    }

    [Theory]
    [InlineData(0.5, 5, "nananannnannnanabannbananabnbananananabanacdcncdddcddcccccdccdcccdccddcccccdccdcccccdccdnccdcccdcdcddccdcdcccccdcdddccccdcnenenenefedenefenenenenenenefefefenenenenenefennfenenenenenenenennnennnnnnnnnn")]
    [InlineData(0.6, 6, "nananananannnanabannbacacaaabanacacababaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaandadadndedadndedndndndndadedededededededndededededededededndedndndndnnnnnnnnnn")]
    [InlineData(0.35, 4, "nananannnnnnnanannnnnannnnnnnbnbnnnbnnnbnndcnndcccdccedddecdecenecneccedeeecdncdenndcdecndfcdnncdcdccdfcdcfdfffcncccfdddcnnnngnnngngngngngngngngngngnghnhghgngngngngnghgnnhnnnnnnnnnnnnnnnnnnnnnnnnnnnnn")]
    public void Mall_standardised_labels_equal_scikit_learn(double eps, int minPoints, string expected)
    {
        // Debian python3-sklearn 1.2.1; Zs = StandardScaler().fit_transform(df[["Age","Annual Income (k$)","Spending Score (1-100)"]])
        //   l = DBSCAN(eps=eps, min_samples=minPoints).fit(Zs).labels_
        //   "".join("n" if v == -1 else chr(ord("a") + v) for v in l)
        var data = MallCustomersCsv.Standardised(MallCustomersCsv.Age, MallCustomersCsv.Income, MallCustomersCsv.Score);
        var model = new Dbscan(new DbscanOptions { Eps = eps, MinPoints = minPoints }).Fit(data);
        Assert.Equal(expected, Encode(model.Labels));
    }

    [Fact]
    public void Mall_unscaled_income_score_equal_scikit_learn()
    {
        // DBSCAN(eps=9, min_samples=5).fit(X).labels_ on unscaled Income, Score
        const string expected = "cabacabnbabnbabacacncababacacababnbabanadndddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddededefefedefefefefedefedefefefefefefedefefefefnfefefefefenefennnnnennnnnnnnnn";
        var data = MallCustomersCsv.Matrix(MallCustomersCsv.Income, MallCustomersCsv.Score);
        var model = new Dbscan(new DbscanOptions { Eps = 9, MinPoints = 5 }).Fit(data);
        Assert.Equal(expected, Encode(model.Labels));
        var result = model.ToResult(data);
        Assert.Equal("dbscan", result.Algorithm);
        Assert.Equal(23, result.NoiseCount);
        Assert.Equal(6, result.ClusterCount);
        var scores = result.Score(data);
        Assert.Equal(177, scores.Rows);
    }

    [Fact]
    public void K_distances_match_scikit_learn_and_suggest_an_eps()
    {
        // d = np.sort(NearestNeighbors(n_neighbors=5).fit(Zs).kneighbors(Zs)[0][:, 4]); d[0], d[100], d[-1], d.sum()
        var data = MallCustomersCsv.Standardised(MallCustomersCsv.Age, MallCustomersCsv.Income, MallCustomersCsv.Score);
        var curve = Dbscan.KDistances(data, 5);
        Assert.Equal(0.1731128432433437, curve.Distances[0], 1e-9);
        Assert.Equal(0.46962586391346783, curve.Distances[100], 1e-9);
        Assert.Equal(1.5384685848757307, curve.Distances[^1], 1e-9);
        Assert.Equal(102.40186223373675, curve.Distances.Sum(), 1e-7);
        Assert.NotNull(curve.SuggestedEps);
        Assert.InRange(curve.SuggestedEps!.Value, 0.4, 1.0);
    }

    [Fact]
    public void No_core_rows_is_a_warning_and_options_are_validated()
    {
        var data = FeatureMatrix.FromRows([[0.0], [10.0], [20.0]], ["x"]);
        var model = new Dbscan(new DbscanOptions { Eps = 1, MinPoints = 2 }).Fit(data);
        Assert.Equal(0, model.ClusterCount);
        Assert.Contains(model.Warnings, w => w.Contains("No core rows", StringComparison.Ordinal));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Dbscan(new DbscanOptions { Eps = 0 }));
        Assert.Contains("DbscanOptions.Eps is 0", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dbscan(new DbscanOptions { MinPoints = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dbscan.KDistances(data, 4));
    }

    private static string Encode(IReadOnlyList<int> labels) =>
        string.Concat(labels.Select(v => v == -1 ? 'n' : (char)('a' + v)));
}
