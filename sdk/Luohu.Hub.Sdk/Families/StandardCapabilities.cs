namespace Luohu.Hub.Sdk.Families;

/// <summary>
/// The capability ids of the district's unified interfaces. A flow names these, never a vendor:
/// whichever plugin serves the family answers.
/// </summary>
public static class StandardCapabilities
{
    /// <summary><see cref="ISensorDriver.ListDevicesAsync"/>.</summary>
    public const string SensorListDevices = "sensor.list-devices";

    /// <summary><see cref="ISensorDriver.ReadAsync"/>.</summary>
    public const string SensorRead = "sensor.read";

    /// <summary><see cref="ISignalController.GetStateAsync"/>.</summary>
    public const string SignalGetState = "signal.get-state";

    /// <summary><see cref="ISignalController.SetPhaseAsync"/>.</summary>
    public const string SignalSetPhase = "signal.set-phase";

    /// <summary><see cref="ISignalController.RunTimingPlanAsync"/>.</summary>
    public const string SignalRunPlan = "signal.run-plan";

    /// <summary><see cref="ICreditProvider.AssessAsync"/>.</summary>
    public const string CreditAssess = "credit.assess";

    /// <summary><see cref="ICreditProvider.SettleAsync"/>.</summary>
    public const string CreditSettle = "credit.settle";

    /// <summary><see cref="ICreditProvider.QuerySettlementAsync"/>.</summary>
    public const string CreditQuerySettlement = "credit.query-settlement";

    /// <summary><see cref="ICameraSource.ListCamerasAsync"/>.</summary>
    public const string CameraList = "camera.list";

    /// <summary><see cref="ICameraSource.SnapshotAsync"/>.</summary>
    public const string CameraSnapshot = "camera.snapshot";

    /// <summary><see cref="IAiEngine.MatchFaceAsync"/>.</summary>
    public const string AiMatchFace = "ai.match-face";

    /// <summary><see cref="IAiEngine.ClassifyComplaintAsync"/>.</summary>
    public const string AiClassifyComplaint = "ai.classify-complaint";
}
