using System.Text.Json;
using Luohu.Hub.Host.Gateway;
using Luohu.Hub.Runtime.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>/api/v1/data</c>: the data services, datasets that flows publish, served read-only from pre-serialized
/// answers with ETags, rate-limited per consumer.
/// </summary>
internal static class DataEndpoints
{
    public static RouteGroupBuilder MapDataApi(this RouteGroupBuilder api)
    {
        var data = api.MapGroup("/data").WithTags("Data services").RequireRateLimiting(GatewayPolicies.Data);
        data.MapGet("/", List)
            .WithSummary("The datasets the gateway serves, with their record counts and versions.");
        data.MapGet("/parking", Parking)
            .WithSummary("Every car park: id, name, location, total and free spaces, status and update time, plus totals; ?area= (English or Chinese) and ?status= (available, nearly-full, full) filter. Fed live by the parking-guidance flow.")
            .Produces<ParkingDataResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        data.MapGet("/{dataset}", Dataset)
            .WithSummary("Every record of a dataset as its flow wrote it, ordered by key.")
            .Produces<DatasetResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static Ok<DatasetInfo[]> List(IDatasetRegistry datasets) =>
        TypedResults.Ok(datasets.List()
            .Select(d => new DatasetInfo(d.Name, d.Count, d.Version, d.UpdatedAt, $"/api/v1/data/{d.Name}"))
            .ToArray());

    private static IResult Parking(
        string? area, string? status, HttpContext context, IDatasetRegistry datasets, DatasetResponseCache cache, IOptions<JsonOptions> json)
    {
        var filter = ParkingFilter.Parse(area, status);
        var snapshot = Find(datasets, ParkingProjection.Dataset);
        var answer = cache.GetOrBuild(snapshot, filter.Key, s => ParkingProjection.Build(s, filter, json.Value.SerializerOptions));
        return Serve(context, answer);
    }

    private static IResult Dataset(string dataset, HttpContext context, IDatasetRegistry datasets, DatasetResponseCache cache, IOptions<JsonOptions> json)
    {
        var snapshot = Find(datasets, dataset);
        var answer = cache.GetOrBuild(snapshot, string.Empty, s => JsonSerializer.SerializeToUtf8Bytes(
            new DatasetResponse(s.Name, s.Version, s.UpdatedAt, s.Count, [.. s.Records.Values]), json.Value.SerializerOptions));
        return Serve(context, answer);
    }

    private static DatasetSnapshot Find(IDatasetRegistry datasets, string name) =>
        datasets.Get(name) ?? throw new ApiBadRequestException("Dataset not found",
            $"No dataset '{name}' is published; a flow publishes one with a 'dataset' node. Published now: {Names(datasets)}. GET /api/v1/data lists them.",
            StatusCodes.Status404NotFound);

    private static string Names(IDatasetRegistry datasets) =>
        datasets.List() is { Count: > 0 } all ? string.Join(", ", all.Select(d => d.Name)) : "none";

    private static IResult Serve(HttpContext context, CachedResponse answer)
    {
        var headers = context.Response.Headers;
        headers.ETag = answer.ETag;
        headers.CacheControl = $"private, max-age={context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.Data.MaxAgeSeconds}";
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(answer.ETag), useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(answer.Body, "application/json; charset=utf-8");
    }
}
