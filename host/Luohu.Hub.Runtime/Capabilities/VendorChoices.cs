using System.Collections.Frozen;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>
/// The live vendor choice per capability, set by ops (<c>PUT /api/v1/vendors/{capability}</c>). Reads are one volatile
/// load of an immutable map, so the call path takes no lock; a change swaps the map, and every call resolved after it
/// goes to the new vendor while calls already running finish where they started — nothing is dropped. The store keeps the
/// choices (<see cref="IVendorChoiceStore"/>, schema 8) and <see cref="VendorService.LoadAsync"/> puts them back at start.
/// </summary>
internal sealed class VendorChoices
{
    private readonly Lock _writing = new();
    private volatile FrozenDictionary<string, VendorChoice> _current = FrozenDictionary<string, VendorChoice>.Empty;

    /// <summary>Raised after a change, with the capability; the shadow statistics start again.</summary>
    public event Action<string>? Changed;

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
