using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.BankCredit.Bank;

/// <summary><c>credit.reverse</c>: the bank's reversal of a settlement.</summary>
internal sealed class ReverseSettlementAction(BankClient bank) : IActionConnector<ReverseSettlementRequest, Settlement>
{
    public async ValueTask<Settlement> InvokeAsync(ReverseSettlementRequest input, ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return BankCreditProvider.ToSettlement(await bank.ReverseAsync(input.SettlementId, cancellationToken));
    }
}
