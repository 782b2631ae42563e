namespace SmartPulse.Analysis.Insights;

/// <summary>
/// The purchase measures of segment naming (<see cref="NamingOptions"/>) and of the iFood sample features
/// (<c>Samples.IFoodFeatures</c>: <c>Total_Purchases</c>, <c>Deal_Share</c>, <c>Web_Share</c>, …), defined once so
/// that each name means one number everywhere:
/// <list type="bullet">
/// <item><b>total purchases</b> = web + catalogue + store purchases. Deal purchases (made with a discount) are made
/// through those channels, so they are a subset and are not added again.</item>
/// <item><b>deal share</b> = deal purchases / total purchases: the fraction of purchases made with a discount. It can
/// exceed 1 where a record has more deal purchases than channel purchases (one customer in each campaign file).</item>
/// <item><b>web share</b> (and catalogue, store share) = that channel's purchases / total purchases.</item>
/// </list>
/// A customer with no purchases (total 0) has every share 0: nothing was bought through any channel or with any deal.
/// </summary>
public static class PurchaseMeasures
{
    /// <summary>Total purchases = <paramref name="web"/> + <paramref name="catalog"/> + <paramref name="store"/>.</summary>
    /// <param name="web">Purchases through the website.</param>
    /// <param name="catalog">Purchases from the catalogue.</param>
    /// <param name="store">Purchases in stores.</param>
    public static double Total(double web, double catalog, double store) => web + catalog + store;

    /// <summary>A share of total purchases: <paramref name="part"/> / <paramref name="total"/>, or 0 when the total is 0.</summary>
    /// <param name="part">Deal purchases, or one channel's purchases.</param>
    /// <param name="total">Total purchases (see <see cref="Total"/>).</param>
    public static double Share(double part, double total) => total > 0 ? part / total : 0;
}
