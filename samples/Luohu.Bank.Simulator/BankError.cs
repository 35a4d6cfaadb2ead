namespace Luohu.Bank.Simulator;

/// <summary>Every refusal the bank gives: a stable code a partner maps, and a sentence for people.</summary>
internal sealed record BankError(string Code, string Detail);
