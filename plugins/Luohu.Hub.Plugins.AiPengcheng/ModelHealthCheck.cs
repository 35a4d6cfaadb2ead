using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Plugins.AiPengcheng;

/// <summary><c>models</c>: trains the models if they are not yet (so the first call is not the slow one) and reports them.</summary>
internal sealed class ModelHealthCheck(PengchengModels models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["classifier"] = "naive Bayes, character 1–2-grams",
            ["trainingExamples"] = models.Complaints.TrainingExamples,
            ["heldOutExamples"] = models.Complaints.HeldOutExamples,
            ["heldOutAccuracy"] = Math.Round(models.Complaints.HeldOutAccuracy, 4),
            ["galleries"] = string.Join(", ", models.Faces.Galleries),
        };
        return Task.FromResult(HealthCheckResult.Healthy($"complaint model trained, held-out accuracy {models.Complaints.HeldOutAccuracy:P1}", data));
    }
}
