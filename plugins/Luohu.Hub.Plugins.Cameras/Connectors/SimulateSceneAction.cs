using System.Text.RegularExpressions;
using Luohu.Hub.Plugins.Cameras.Simulation;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Cameras.Connectors;

/// <summary>
/// <c>camera.simulate</c>: makes a camera see a scene now (drills, demos, tests), e.g. an elderly pedestrian at a hospital
/// crossing or a honking car on a main road; it is published like any detection, with its snapshot reference.
/// </summary>
internal sealed partial class SimulateSceneAction(CameraSimulation simulation) : IActionConnector<SimulateSceneRequest, SimulateSceneResult>
{
    public ValueTask<SimulateSceneResult> InvokeAsync(SimulateSceneRequest input, ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var camera = CameraSource.Find(simulation, input.CameraId);
        if (!Enum.TryParse<CameraEventKind>(input.Kind?.Trim(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            throw new CapabilityInputException("kind", $"Kind '{input.Kind}' is not one of face, person, plate, honking.");
        }

        if (input.Person is not null && kind != CameraEventKind.Person)
        {
            throw new CapabilityInputException("person", $"Person attributes belong to kind 'person', not '{input.Kind}'.");
        }

        var plate = input.Plate?.Trim().ToUpperInvariant();
        if (plate is not null && kind is not (CameraEventKind.Plate or CameraEventKind.Honking))
        {
            throw new CapabilityInputException("plate", $"A plate belongs to kind 'plate' or 'honking', not '{input.Kind}'.");
        }

        if (plate is not null && !PlatePattern().IsMatch(plate))
        {
            throw new CapabilityInputException("plate", $"Plate '{input.Plate}' is not a Chinese plate: a province character, a letter, then 5 or 6 letters or digits (粤B12345, 粤BD12345).");
        }

        if (input.SoundLevelDb is { } level && (kind != CameraEventKind.Honking || level is < 40 or > 140 || double.IsNaN(level)))
        {
            throw new CapabilityInputException("soundLevelDb", kind != CameraEventKind.Honking
                ? $"A sound level belongs to kind 'honking', not '{input.Kind}'."
                : $"Sound level {level} dB(A) is outside 40 to 140.");
        }

        var detection = simulation.Stage(camera, kind, input.Person, plate, input.SoundLevelDb)
            ?? throw CameraSource.Offline(camera, simulation.OfflineUntil(camera) ?? DateTimeOffset.MinValue);
        return ValueTask.FromResult(new SimulateSceneResult(
            CameraSimulation.DetectionTopic(camera, kind), camera.Id, camera.Group, CameraJson.KindName(kind), detection.Timestamp, detection.Plate, detection.Snapshot?.Uri));
    }

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}[A-Z][A-Z0-9]{5,6}$")]
    private static partial Regex PlatePattern();
}
