namespace Luohu.Bank.Simulator;

internal static partial class BankLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Settlement {SettlementId} for bill {BillId}: {Amount} {Currency}")]
    public static partial void Settled(ILogger logger, string settlementId, string billId, decimal amount, string currency);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Fault switches set: {Faults}")]
    public static partial void FaultsSet(ILogger logger, string faults);
}
