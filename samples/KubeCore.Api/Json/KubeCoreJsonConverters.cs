using System.Text.Json.Serialization;
using KubeCore.Common.Json;
using Microsoft.OpenApi;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace KubeCore.Api.Json;

/// <summary>
/// The JSON shapes of KubeCore's value types on the wire: the core's converters (<c>KubeCore.Common.Json</c>) and
/// NodaTime's, each wrapped so that a refusal throws <see cref="WireValueException"/> naming the expected form (the API
/// answers it with a 400 in the caller's language). Beyond the core, the wire carries a <see cref="Rate"/> as a JSON
/// number of percent (<c>1.5</c> is 1,5 %) and a <see cref="BookWeek"/> as an ISO-8601 interval of dates.
/// </summary>
public static class KubeCoreJsonConverters
{
    /// <summary>Each KubeCore value type on the wire: its converter, and its OpenAPI schema type, format and description.</summary>
    internal static readonly (JsonConverter Converter, JsonSchemaType Type, string? Format, string Description)[] Values =
    [
        (Wire(NodaConverters.LocalDateConverter, ApiErrors.Forms.Date), JsonSchemaType.String, "date", "ISO-8601 date, e.g. 2019-04-05."),
        (Wire(NodaConverters.NormalizingIsoPeriodConverter, ApiErrors.Forms.Period), JsonSchemaType.String, "duration", "ISO-8601 period, e.g. P90D."),
        (Wire(new RupiahJsonConverter(), ApiErrors.Forms.Money), JsonSchemaType.Integer, "int64", "Whole rupiah (no sen), e.g. 25000."),
        (Wire(new PercentRateJsonConverter(), ApiErrors.Forms.Rate), JsonSchemaType.Number, null, "Percent with at most two decimals, e.g. 1.5 for 1,5 %."),
        (Wire(new RegionCodeJsonConverter(), ApiErrors.Forms.Region), JsonSchemaType.String, null, "BPS/Kemendagri region code, e.g. 62.71.01.1001."),
        (Wire(new BookWeekJsonConverter(), ApiErrors.Forms.Date), JsonSchemaType.String, null, "A bookkeeping week as an ISO-8601 interval of its first and last day, e.g. 2019-01-21/2019-01-27."),
        (Wire(new RuleIdJsonConverter(), ApiErrors.Forms.Any), JsonSchemaType.String, null, "A rule id of the catalogue, e.g. GRP-01."),
        (Wire(new HouseholdIdJsonConverter(), ApiErrors.Forms.Id), JsonSchemaType.String, "uuid", "Household id."),
        (Wire(new PersonIdJsonConverter(), ApiErrors.Forms.Id), JsonSchemaType.String, "uuid", "Person id."),
        (Wire(new GroupIdJsonConverter(), ApiErrors.Forms.Id), JsonSchemaType.String, "uuid", "Group id."),
        (Wire(new PendampingIdJsonConverter(), ApiErrors.Forms.Id), JsonSchemaType.String, "uuid", "Pendamping id."),
        (Wire(new MeetingIdJsonConverter(), ApiErrors.Forms.Id), JsonSchemaType.String, "uuid", "Meeting id."),
        (Wire(new LoanIdJsonConverter(), ApiErrors.Forms.Id), JsonSchemaType.String, "uuid", "Loan id."),
        (Wire(new EntryIdJsonConverter(), ApiErrors.Forms.Id), JsonSchemaType.String, "uuid", "Ledger entry id."),
        (Wire(new ExerciseIdJsonConverter(), ApiErrors.Forms.Id), JsonSchemaType.String, "uuid", "Wealth-ranking exercise id."),
    ];

    /// <summary>
    /// The API's JSON settings, on the wire and in storage (command payloads, evidence, ledger legs): web defaults,
    /// strict numbers (no numbers in strings), required and non-nullable members enforced, and the converters.
    /// </summary>
    public static JsonSerializerOptions Storage { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's settings and adds every converter, and string enums (numbers refused), to <paramref name="options"/> (see <see cref="Storage"/>).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Missing or null values where the contract says required are refused (400), not passed on as null.
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        foreach (var value in Values)
        {
            options.Converters.Add(value.Converter);
        }
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options;
    }

    private static WireValueConverter<T> Wire<T>(JsonConverter<T> inner, MessageText form)
        where T : notnull => new(inner, form);
}

/// <summary>A value of the wrong form for a KubeCore type; answered with 400 naming the expected form.</summary>
public sealed class WireValueException(MessageText form, Exception? inner = null)
    : JsonException("A value has the wrong form: expected " + form.Code + ".", inner)
{
    /// <summary>The expected form (one of <see cref="ApiErrors.Forms"/>).</summary>
    public MessageText Form { get; } = form;
}

/// <summary>Wraps a converter so that its refusals (<see cref="JsonException"/>) name the form the API expects (<see cref="ApiErrors.Forms"/>).</summary>
/// <typeparam name="T">The converted type.</typeparam>
public sealed class WireValueConverter<T>(JsonConverter<T> inner, MessageText form) : JsonConverter<T>
    where T : notnull
{
    private delegate T Reading(JsonConverter<T> converter, ref Utf8JsonReader reader, Type type, JsonSerializerOptions settings);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Guarded(static (converter, ref r, type, settings) => converter.Read(ref r, type, settings)!, ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Guarded(static (converter, ref r, type, settings) => converter.ReadAsPropertyName(ref r, type, settings), ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        inner.WriteAsPropertyName(writer, value, options);

    private T Guarded(Reading read, ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return read(inner, ref reader, typeToConvert, options);
        }
        catch (JsonException e) when (e is not WireValueException)
        {
            throw new WireValueException(form, e);
        }
    }
}

/// <summary><see cref="Rate"/> on the wire as a JSON number of percent, at most two decimals (the core stores basis points).</summary>
internal sealed class PercentRateJsonConverter : JsonConverter<Rate>
{
    public override Rate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var percent)
                ? Rate.FromPercent(percent)
                : throw new JsonException("A rate is a JSON number of percent.");
        }
        catch (ArgumentException e)
        {
            throw new JsonException("A rate has at most two decimals.", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Percent);
}

/// <summary>A <see cref="BookWeek"/> as an ISO-8601 interval of dates, <c>"2019-01-21/2019-01-27"</c> (start and end inclusive).</summary>
internal sealed class BookWeekJsonConverter : JsonConverter<BookWeek>
{
    public override BookWeek Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var start = text is null ? null : LocalDatePattern.Iso.Parse(text.Split('/')[0]);
        return start is { Success: true } ? BookWeek.StartingOn(start.Value, start.Value.DayOfWeek) : throw new JsonException("A week is an ISO-8601 interval of dates.");
    }

    public override void Write(Utf8JsonWriter writer, BookWeek value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value.Start) + "/" + LocalDatePattern.Iso.Format(value.End));
}
