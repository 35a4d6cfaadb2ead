namespace Luohu.Bank.Simulator.Api;

internal static class BankResults
{
    public static IResult Error(int status, string code, string detail) => Results.Json(new BankError(code, detail), statusCode: status);

    public static IResult Invalid(string field, string detail) => Error(StatusCodes.Status400BadRequest, "REQUEST_INVALID", $"{field}: {detail}");

    public static string Partner(HttpContext context) => (string)context.Items[Signing.PartnerSignatureMiddleware.PartnerKey]!;
}
