namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>Where ops' vendor choices are kept, so a restart serves capabilities as ops left them.</summary>
internal interface IVendorChoiceStore
{
    Task<IReadOnlyDictionary<string, VendorChoice>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores the choice; <see cref="VendorChoice.Default"/> removes it.</summary>
    Task SetAsync(string capability, VendorChoice choice, string author, CancellationToken cancellationToken);
}
