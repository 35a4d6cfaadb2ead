namespace Luohu.Bank.Simulator.Api;

/// <summary>Amounts travel as decimals with at most two places and are kept in minor units.</summary>
internal static class Money
{
    public const decimal Max = 100_000_000m;

    public static bool TryToMinor(decimal amount, out long minor)
    {
        minor = 0;
        if (amount <= 0 || amount > Max || decimal.Round(amount, 2) != amount)
        {
            return false;
        }

        minor = (long)(amount * 100m);
        return true;
    }

    public static bool IsCurrency(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);
}
