using System.Collections.Frozen;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>
/// The live vendor choice per capability, set by ops (<c>PUT /api/v1/vendors/{capability}</c>). Reads are one volatile
/// load of an immutable map, so the call path takes no lock; a change swaps the map, and every call resolved after it
/// goes to the new vendor while calls already running finish where they started — nothing is dropped. The store keeps the
/// choices (<see cref="IVendorChoiceStore"/>, schema 8) and <see cref="LoadAsync"/> puts them back at start.
/// </summary>
internal sealed class VendorChoices
{
    private readonly Lock _writing = new();
    private volatile FrozenDictionary<string, VendorChoice> _current = FrozenDictionary<string, VendorChoice>.Empty;

    /// <summary>Raised after a change, with the capability; the shadow statistics start again.</summary>
    public event Action<string>? Changed;

    /// <summary>
    /// Puts the stored choices back at start, before plugins serve. A choice naming a plugin that is gone is kept: the
    /// catalog serves the configured preference meanwhile, and the choice applies again once that plugin is back.
    /// </summary>
    public async Task LoadAsync(IVendorChoiceStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var (capability, choice) in await store.ListAsync(cancellationToken))
        {
            Set(capability, choice);
        }
    }

    public VendorChoice Get(string capability) => _current.GetValueOrDefault(capability) ?? VendorChoice.Default;

    public IReadOnlyDictionary<string, VendorChoice> All => _current;

    public VendorChoice Set(string capability, VendorChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        VendorChoice before;
        lock (_writing)
        {
            var next = new Dictionary<string, VendorChoice>(_current, StringComparer.Ordinal);
            before = next.GetValueOrDefault(capability) ?? VendorChoice.Default;
            if (choice == VendorChoice.Default)
            {
                next.Remove(capability);
            }
            else
            {
                next[capability] = choice;
            }

            _current = next.ToFrozenDictionary(StringComparer.Ordinal);
        }

        Changed?.Invoke(capability);
        return before;
    }
}
