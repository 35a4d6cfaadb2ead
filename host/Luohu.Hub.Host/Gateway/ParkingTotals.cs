namespace Luohu.Hub.Host.Gateway;

/// <summary>Sums over the car parks of one answer (after filters).</summary>
internal sealed record ParkingTotals(int CarParks, int Spaces, int Free, int Available, int NearlyFull, int Full);
