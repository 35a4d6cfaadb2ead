using System.Text.Json;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>
/// Ops choose which plugin serves a capability and which one runs in shadow, live, without touching a flow; every change
/// is audited (<c>capability.vendors</c>, the choice before and after). Shared by the API and the designer.
/// </summary>
internal sealed class VendorService(CapabilityCatalog catalog, VendorChoices choices, ShadowStatistics shadows, IVendorChoiceStore store, IAuditLog audit)
{
    /// <summary>Every action that some plugin offers, with its vendors.</summary>
    public IReadOnlyList<VendorView> List() =>
        [.. catalog.List().Where(c => c.Kind == ConnectorKind.Action).Select(c => View(c.Id)!)];

    public VendorView? Get(string capability) =>
        catalog.Find(capability) is { Kind: ConnectorKind.Action } descriptor ? View(descriptor.Id) : null;

    /// <summary>Sets the serving and shadow vendors (null: default, none); returns the view after the change.</summary>
    public async Task<VendorView> SetAsync(string capability, string? serving, string? shadow, AuditEvent actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (catalog.Find(capability) is not { Kind: ConnectorKind.Action } descriptor)
        {
            throw new VendorChoiceException($"No running plugin offers the action '{capability}'. GET /api/v1/vendors lists the capabilities and their vendors.", null, notFound: true);
        }

        var providers = catalog.ProvidersOf(capability);
        serving = string.IsNullOrWhiteSpace(serving) ? null : serving.Trim();
        shadow = string.IsNullOrWhiteSpace(shadow) ? null : shadow.Trim();
        if (serving is not null && !providers.Contains(serving))
        {
            throw new VendorChoiceException($"'{serving}' does not offer '{capability}'. Its vendors are: {string.Join(", ", providers)}.", "serving");
        }

        if (shadow is not null && !providers.Contains(shadow))
        {
            throw new VendorChoiceException($"'{shadow}' does not offer '{capability}'. Its vendors are: {string.Join(", ", providers)}.", "shadow");
        }

        if (shadow is not null && descriptor.ChangesWorld)
        {
            // A shadow call is a real call: for a capability that moves money or changes the world it would do it twice.
            throw new VendorChoiceException($"'{capability}' changes the world (it goes through the outbox); a shadow vendor would do it a second time. Compare vendors on read-only capabilities.", "shadow");
        }

        var servingNow = serving ?? providers[0];
        if (shadow == servingNow)
        {
            throw new VendorChoiceException($"'{shadow}' serves '{capability}'; a shadow must be another vendor ({string.Join(", ", providers.Where(p => p != shadow))}) or none.", "shadow");
        }

        var choice = new VendorChoice(serving, shadow);
        await store.SetAsync(capability, choice, actor.Actor, cancellationToken);
        var before = choices.Set(capability, choice);
        await audit.AppendAsync(actor with
        {
            Action = "capability.vendors",
            Target = capability,
            Before = JsonSerializer.Serialize(new { serving = before.Serving, shadow = before.Shadow }),
            After = JsonSerializer.Serialize(new { serving, shadow }),
        }, cancellationToken);
        return View(capability)!;
    }

    private VendorView? View(string capability)
    {
        if (catalog.Find(capability) is not { } descriptor)
        {
            return null;
        }

        var choice = choices.Get(capability);
        var serving = catalog.Resolve(capability, null)?.Entry.Id;
        return new VendorView(capability, descriptor.Title, descriptor.Family, catalog.ProvidersOf(capability), serving, choice.Serving, choice.Shadow,
            choice.Shadow is null ? null : shadows.View(capability));
    }
}
