using System.Text.Encodings.Web;
using System.Text.Json;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// A read-only view of a flow's draft: its nodes with their settings and its wires. Another department's flow reads
/// as not found, as in the API, so ids do not leak. The canvas replaces this view later.
/// </summary>
public sealed partial class FlowDetail : IDisposable
{
    // Blazor HTML-encodes what it renders, so the relaxed encoder is safe here and keeps quotes, '>' and Chinese readable.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly CancellationTokenSource disposed = new();

    [Parameter, EditorRequired]
    public string FlowId { get; set; } = string.Empty;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IFlowService FlowService { get; set; } = default!;

    [Inject]
    private ISecurityStore Store { get; set; } = default!;

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    private FlowDefinition? Flow { get; set; }

    private bool Loaded { get; set; }

    private string DepartmentName { get; set; } = string.Empty;

    protected override async Task OnParametersSetAsync()
    {
        var user = AuthenticationState is null ? DesignerUser.Anonymous : Accounts.Describe((await AuthenticationState).User);
        var flow = await FlowService.GetAsync(FlowId, disposed.Token);
        Flow = flow is not null && user.SeesDepartment(flow.Department) ? flow : null;
        if (Flow is not null)
        {
            DepartmentName = DepartmentNames.Display(Flow.Department, await Store.ListDepartmentsAsync(disposed.Token));
        }

        Loaded = true;
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }

    /// <summary>Each setting on its own line; text (a script, a template) as written, anything else as JSON.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> Settings(FlowNode node) =>
        node.Config is { ValueKind: JsonValueKind.Object } config
            ? [.. config.EnumerateObject().Select(p => KeyValuePair.Create(p.Name,
                p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : JsonSerializer.Serialize(p.Value, Readable)))]
            : [];
}
