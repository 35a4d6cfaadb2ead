namespace Luohu.Hub.Plugins.BankCredit.Bank;

/// <summary>The partner secret is not set, so no request can be signed.</summary>
public sealed class BankNotConfiguredException : InvalidOperationException
{
    public BankNotConfiguredException()
        : base("The secret setting PartnerSecret of luohu.bank-credit is not set: PUT /api/v1/plugins/luohu.bank-credit/settings with { \"secrets\": { \"PartnerSecret\": \"...\" } }.")
    {
    }

    public BankNotConfiguredException(string message)
        : base(message)
    {
    }

    public BankNotConfiguredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
