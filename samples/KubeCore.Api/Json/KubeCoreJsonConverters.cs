using System.Text.Json.Serialization;
using KubeCore.Common.Json;
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
    /// <summary>
    /// The API's JSON settings, on the wire and in storage (command payloads, evidence, ledger legs): web defaults,
    /// strict numbers (no numbers in strings), required and non-nullable members enforced, and the converters.
    /// </summary>
    public static JsonSerializerOptions Storage { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's settings to <paramref name="options"/> (see <see cref="Storage"/>).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Missing or null values where the contract says required are refused (400), not passed on as null.
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        return options.AddKubeCoreConverters();
    }

    /// <summary>Adds every converter, and string enums (numbers refused), to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions AddKubeCoreConverters(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        JsonConverter[] converters =
        [
            Wire(NodaConverters.LocalDateConverter, ApiErrors.Forms.Date),
            Wire(NodaConverters.NormalizingIsoPeriodConverter, ApiErrors.Forms.Period),
            Wire(new RupiahJsonConverter(), ApiErrors.Forms.Money),
            Wire(new PercentRateJsonConverter(), ApiErrors.Forms.Rate),
            Wire(new RegionCodeJsonConverter(), ApiErrors.Forms.Region),
            Wire(new BookWeekJsonConverter(), ApiErrors.Forms.Date),
            Wire(new HouseholdIdJsonConverter(), ApiErrors.Forms.Id),
            Wire(new PersonIdJsonConverter(), ApiErrors.Forms.Id),
            Wire(new GroupIdJsonConverter(), ApiErrors.Forms.Id),
            Wire(new PendampingIdJsonConverter(), ApiErrors.Forms.Id),
            Wire(new MeetingIdJsonConverter(), ApiErrors.Forms.Id),
            Wire(new LoanIdJsonConverter(), ApiErrors.Forms.Id),
            Wire(new EntryIdJsonConverter(), ApiErrors.Forms.Id),
            Wire(new ExerciseIdJsonConverter(), ApiErrors.Forms.Id),
            new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false),
        ];
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }
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
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return inner.Read(ref reader, typeToConvert, options)!;
        }
        catch (JsonException e) when (e is not WireValueException)
        {
            throw new WireValueException(form, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return inner.ReadAsPropertyName(ref reader, typeToConvert, options);
        }
        catch (JsonException e) when (e is not WireValueException)
        {
            throw new WireValueException(form, e);
        }
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        inner.WriteAsPropertyName(writer, value, options);
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
