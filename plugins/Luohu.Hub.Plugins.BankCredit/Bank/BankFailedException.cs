namespace Luohu.Hub.Plugins.BankCredit.Bank;

/// <summary>The bank did not answer usefully (unreachable, timed out, 5xx, refused the hub's signature); the outcome of a settlement is then unknown.</summary>
public sealed class BankFailedException : Exception
{
    public BankFailedException()
    {
    }

    public BankFailedException(string message)
        : base(message)
    {
    }

    public BankFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
