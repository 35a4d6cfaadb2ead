using Luohu.Hub.Plugins.Signals.Simulation;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Plugins.Signals.Connectors;

/// <summary><c>signals.list-intersections</c>: the network as the designer's map and forms need it.</summary>
internal sealed class ListIntersectionsAction(SignalNetwork network) : IActionConnector<ListIntersectionsRequest, IntersectionList>
{
    public ValueTask<IntersectionList> InvokeAsync(ListIntersectionsRequest input, ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var intersections = network.Intersections
            .Where(i => input.NearHospital is null || i.NearHospital == input.NearHospital)
            .Select(i => new IntersectionInfo(
                i.Id, i.Name, i.NameEn, i.Location, i.Phases, i.Plans.Select(p => p.Id).ToArray(), i.NearHospital, i.Hospital))
            .ToArray();
        return ValueTask.FromResult(new IntersectionList(intersections));
    }
}
