using Microsoft.AspNetCore.Http;

namespace MailMerge.Api;

/// <summary>The one error shape of the API: RFC 7807 problem+json, with <c>errors</c> naming each bad field.</summary>
public static class Problems
{
    /// <summary>400 listing every invalid field with its reasons.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "Correct the fields listed in 'errors' and send the request again.", title: "The request is invalid.");

    /// <summary>400 for one field.</summary>
    public static IResult Invalid(string field, string reason) => Invalid(new Dictionary<string, string[]> { [field] = [reason] });

    /// <summary>404 naming what was looked for.</summary>
    public static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    /// <summary>403 naming the permission the caller lacks (also in the <c>permission</c> member).</summary>
    public static IResult Forbidden(string permission, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: $"The '{permission}' permission is required.",
            extensions: new Dictionary<string, object?> { ["permission"] = permission });

    /// <summary>413 naming the field that is too large and the limit (also in <c>limitBytes</c>).</summary>
    public static IResult TooLarge(string field, string reason, long limitBytes) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] }, ["limitBytes"] = limitBytes });

    /// <summary>Any other status with a detail.</summary>
    public static IResult Status(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
