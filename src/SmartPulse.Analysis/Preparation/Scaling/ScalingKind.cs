namespace SmartPulse.Analysis.Preparation;

/// <summary>Which affine scaling a <see cref="FittedScaler"/> applies: x′ = (x − center) / scale.</summary>
public enum ScalingKind
{
    /// <summary>center = mean, scale = population std (ddof = 0), as scikit-learn's StandardScaler.</summary>
    Standard,

    /// <summary>center = min, scale = max − min, so values map to [0, 1] (MinMaxScaler).</summary>
    MinMax,

    /// <summary>center = median, scale = IQR (Q3 − Q1, linear interpolation), as RobustScaler.</summary>
    Robust,
}
