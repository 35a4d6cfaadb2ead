namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary>Input of <c>parking.list-lots</c>; a null field does not filter.</summary>
/// <param name="Area">Only lots in this subdistrict (Dongmen, Guomao, …; the Chinese name works too).</param>
/// <param name="Status">Only lots with this status: <c>full</c>, <c>nearly-full</c> or <c>available</c>.</param>
internal sealed record ListLotsRequest(string? Area = null, string? Status = null);
