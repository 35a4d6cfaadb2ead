namespace Luohu.Hub.Plugins.Water.Model;

/// <summary>The four kinds of water station, with what each measures.</summary>
internal enum StationKind
{
    /// <summary>Flow at a river outfall, m³/s; <c>WO-001</c>…<c>WO-170</c>.</summary>
    Outfall,

    /// <summary>Flow in a storm drain, m³/s; <c>WD-001</c>…<c>WD-100</c>.</summary>
    StormDrain,

    /// <summary>Depth of standing water on a road, cm; <c>WL-01</c>…<c>WL-21</c>.</summary>
    Waterlogging,

    /// <summary>Turbidity of river water, NTU; <c>WQ-01</c>…<c>WQ-11</c>.</summary>
    Quality,
}
