namespace Luohu.Hub.Sdk.Families;

/// <summary>Asks for a settlement.</summary>
/// <param name="SettlementId">The settlement id.</param>
public sealed record SettlementQuery(string SettlementId);
