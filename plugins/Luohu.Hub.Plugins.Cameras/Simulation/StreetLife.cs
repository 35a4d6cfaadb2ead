using Luohu.Hub.Plugins.Cameras.Model;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Cameras.Simulation;

/// <summary>
/// What a camera sees, by where it stands: hospital crossings see many older and wheelchair pedestrians, school gates
/// mostly children, main roads mostly vehicles (and honking where the array hears it). Not thread-safe: the simulation
/// calls it under its lock.
/// </summary>
internal sealed class StreetLife(Random random)
{
    // Shenzhen plates: 粤B and five letters or digits (I and O are never used), new-energy 粤B + D or F + five digits.
    private const string PlateCharacters = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private int _faces;

    public CameraEventKind KindAt(Camera camera)
    {
        var roll = random.NextDouble();
        return camera.Group switch
        {
            DeviceGroups.HospitalCrossings => roll < 0.6 ? CameraEventKind.Person : roll < 0.85 ? CameraEventKind.Face : CameraEventKind.Plate,
            DeviceGroups.SchoolGates => roll < 0.6 ? CameraEventKind.Person : CameraEventKind.Face,
            _ => roll < 0.6 ? CameraEventKind.Plate : roll < 0.75 ? CameraEventKind.Honking : roll < 0.9 ? CameraEventKind.Person : CameraEventKind.Face,
        };
    }

    public PersonAttributes PersonAt(Camera camera)
    {
        var (elderly, wheelchair, child, walkingAid) = camera.Group switch
        {
            DeviceGroups.HospitalCrossings => (0.25, 0.05, 0.1, 0.1),
            DeviceGroups.SchoolGates => (0.1, 0.01, 0.7, 0.02),
            _ => (0.15, 0.02, 0.1, 0.05),
        };
        var isChild = random.NextDouble() < child;
        var isElderly = !isChild && random.NextDouble() < elderly;
        return new PersonAttributes(isElderly, random.NextDouble() < wheelchair, isChild, isElderly && random.NextDouble() < walkingAid * 3);
    }

    public string Plate()
    {
        if (random.NextDouble() < 0.25)
        {
            return $"粤B{(random.NextDouble() < 0.5 ? 'D' : 'F')}{random.Next(100000):00000}";
        }

        var chars = new char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = PlateCharacters[random.Next(PlateCharacters.Length)];
        }

        return "粤B" + new string(chars);
    }

    /// <summary>A face id for <c>ai.match-face</c>: a passer-by nobody's gallery holds.</summary>
    public string FaceId() => $"face-x{++_faces}";

    /// <summary>A horn as an acoustic array 10–30 m away measures it, dB(A).</summary>
    public double HornLevelDb() => Math.Round(78 + (random.NextDouble() * 22), 1);

    /// <summary>A real detection's confidence: most are sure, a few borderline.</summary>
    public double Confidence() => Math.Round(Math.Clamp(0.72 + (random.NextDouble() * 0.27), 0, 0.99), 2);

    /// <summary>A false detection's confidence (a shadow, a reflection, a poster of a face).</summary>
    public double NoiseConfidence() => Math.Round(0.2 + (random.NextDouble() * 0.3), 2);
}
