namespace Luohu.Hub.Host.Api;

/// <summary>A request the API cannot read; becomes a 400 (or the given status) problem.</summary>
internal sealed class ApiBadRequestException(string title, string detail, int status = StatusCodes.Status400BadRequest) : Exception(detail)
{
    public string Title { get; } = title;
    public int Status { get; } = status;
}
