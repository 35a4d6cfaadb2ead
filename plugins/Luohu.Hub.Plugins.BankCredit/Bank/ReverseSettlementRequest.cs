namespace Luohu.Hub.Plugins.BankCredit.Bank;

/// <summary>Reverses one settlement (its amount returns to the line). Reversing twice changes nothing.</summary>
/// <param name="SettlementId">The bank's settlement id.</param>
public sealed record ReverseSettlementRequest(string SettlementId);
