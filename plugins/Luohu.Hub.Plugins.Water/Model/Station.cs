namespace Luohu.Hub.Plugins.Water.Model;

/// <summary>One water station of the catalogue.</summary>
/// <param name="Index">Position in the catalogue.</param>
/// <param name="Id">Station id, e.g. <c>WL-07</c>.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Area">Subdistrict (English).</param>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
/// <param name="BaseValue">Its dry-weather value.</param>
/// <param name="WarningLine">The value above which the water bureau is warned; null where none applies (quality).</param>
/// <param name="RainResponse">How strongly rain moves it (catchment size and imperviousness).</param>
internal sealed record Station(
    int Index,
    string Id,
    string Name,
    string NameEn,
    StationKind Kind,
    string Area,
    double Latitude,
    double Longitude,
    double BaseValue,
    double? WarningLine,
    double RainResponse)
{
    public string Measure => StationKinds.MeasureOf(Kind);

    public string Unit => StationKinds.UnitOf(Kind);

    /// <summary>The last level of its topic: <c>flow</c>, <c>level</c> or <c>turbidity</c>.</summary>
    public string TopicLevel => StationKinds.TopicLevelOf(Kind);
}
