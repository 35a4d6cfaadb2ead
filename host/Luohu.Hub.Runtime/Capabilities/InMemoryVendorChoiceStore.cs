using System.Collections.Concurrent;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>Vendor choices for the life of the process; the default until the store registers its own (schema 8).</summary>
internal sealed class InMemoryVendorChoiceStore : IVendorChoiceStore
{
    private readonly ConcurrentDictionary<string, VendorChoice> choices = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, VendorChoice>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, VendorChoice>>(new Dictionary<string, VendorChoice>(choices, StringComparer.Ordinal));

    public Task SetAsync(string capability, VendorChoice choice, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (choice == VendorChoice.Default)
        {
            choices.TryRemove(capability, out _);
        }
        else
        {
            choices[capability] = choice;
        }

        return Task.CompletedTask;
    }
}
