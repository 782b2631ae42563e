using SmartPulse.Analysis.Clustering;

namespace SmartPulse.Analysis.Tests.Clustering;

public class KneedleTests
{
    [Fact]
    public void Finds_the_elbow_of_a_decreasing_convex_curve()
    {
        // Normalised: x = (k − 1)/4, y = (I − 10)/90; chord − curve = 1 − x − y peaks at k = 2 (1 − 0.25 − 20/90 = 0.528).
        Assert.Equal(1, Kneedle.FindKnee([1, 2, 3, 4, 5], [100, 30, 20, 15, 10]));
    }

    [Fact]
    public void Finds_the_knee_of_an_increasing_convex_curve()
    {
        Assert.Equal(3, Kneedle.FindKnee([0, 1, 2, 3, 4, 5], [1, 1.1, 1.2, 1.3, 3, 6]));
    }

    [Fact]
    public void A_straight_line_has_no_knee()
    {
        Assert.Null(Kneedle.FindKnee([1, 2, 3, 4], [4, 3, 2, 1]));
        Assert.Null(Kneedle.FindKnee([1, 2], [4, 3]));
    }
}
