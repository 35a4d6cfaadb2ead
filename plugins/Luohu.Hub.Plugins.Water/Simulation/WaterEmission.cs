namespace Luohu.Hub.Plugins.Water.Simulation;

/// <summary>What one tick has the stations send: a reading or a status change, on its topic.</summary>
/// <param name="Topic">The concrete topic.</param>
/// <param name="Reading">A reading, or null.</param>
/// <param name="Status">A status change, or null.</param>
internal sealed record WaterEmission(string Topic, WaterReading? Reading, StationStatus? Status);
