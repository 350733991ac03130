namespace MailMerge.LetterBatches;

/// <summary>How a letter batch goes out.</summary>
public enum DeliveryMethod
{
    /// <summary>Ordinary letter.</summary>
    Ordinary,

    /// <summary>Priority letter.</summary>
    Priority,

    /// <summary>Registered letter: each gets a registered-mail number.</summary>
    Registered,

    /// <summary>Registered letter with return receipt: each gets a registered-mail number.</summary>
    RegisteredWithReturnReceipt,

    /// <summary>Courier.</summary>
    Courier,
}

/// <summary>Names and rules of <see cref="DeliveryMethod"/>.</summary>
public static class DeliveryMethods
{
    /// <summary>The names the API accepts, in camelCase.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ordinary", "priority", "registered", "registeredWithReturnReceipt", "courier"];

    /// <summary>Parses an API name (any letter case).</summary>
    public static bool TryParse(string? text, out DeliveryMethod method) =>
        Enum.TryParse(text, ignoreCase: true, out method) && Enum.IsDefined(method) && !int.TryParse(text, out _);

    /// <summary>Whether letters sent this way carry a registered-mail number.</summary>
    public static bool IsRegistered(this DeliveryMethod method) => method is DeliveryMethod.Registered or DeliveryMethod.RegisteredWithReturnReceipt;

    /// <summary>The camelCase API name.</summary>
    public static string ToApiName(this DeliveryMethod method) => Names[(int)method];

    /// <summary>The Polish name printed on letters and dispatch lists (merge field <c>delivery_method</c>).</summary>
    public static string ToLabel(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.Ordinary => "list zwykły",
        DeliveryMethod.Priority => "list priorytetowy",
        DeliveryMethod.Registered => "list polecony",
        DeliveryMethod.RegisteredWithReturnReceipt => "list polecony za potwierdzeniem odbioru",
        _ => "przesyłka kurierska",
    };
}
