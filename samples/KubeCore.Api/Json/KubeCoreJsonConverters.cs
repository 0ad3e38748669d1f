using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KubeCore.Common;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace KubeCore.Api.Json;

/// <summary>
/// The JSON shapes of KubeCore's value types on the wire. NodaTime's types use NodaTime.Serialization.SystemTextJson's
/// converters (wrapped so that a refusal names the expected form); KubeCore's own value types have theirs here:
/// <list type="bullet">
/// <item><see cref="LocalDate"/> as an ISO-8601 date string <c>"2019-04-05"</c>;</item>
/// <item><see cref="Period"/> as an ISO-8601 duration string <c>"P90D"</c>;</item>
/// <item><see cref="Rupiah"/> as a JSON integer of whole rupiah (<c>1500000</c>); fractions and strings are refused;</item>
/// <item><see cref="Rate"/> as a JSON number of percent (<c>1.5</c> means 1,5 %);</item>
/// <item><see cref="RegionCode"/> as its dotted text <c>"62.71.01.1001"</c>;</item>
/// <item>every strongly typed id as its Guid string; the empty Guid is refused.</item>
/// </list>
/// A value that does not fit throws <see cref="WireValueException"/>, which the API answers with a 400 problem.
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
        options.Converters.Add(new WireValueConverter<LocalDate>(NodaConverters.LocalDateConverter, WireValueKind.Date));
        options.Converters.Add(new WireValueConverter<Period>(NodaConverters.NormalizingIsoPeriodConverter, WireValueKind.Period));
        options.Converters.Add(new RupiahJsonConverter());
        options.Converters.Add(new RateJsonConverter());
        options.Converters.Add(new RegionCodeJsonConverter());
        options.Converters.Add(new BookWeekJsonConverter());
        options.Converters.Add(new RuleIdJsonConverter());
        options.Converters.Add(new GuidIdJsonConverter<HouseholdId>(g => new HouseholdId(g), id => id.Value));
        options.Converters.Add(new GuidIdJsonConverter<PersonId>(g => new PersonId(g), id => id.Value));
        options.Converters.Add(new GuidIdJsonConverter<GroupId>(g => new GroupId(g), id => id.Value));
        options.Converters.Add(new GuidIdJsonConverter<PendampingId>(g => new PendampingId(g), id => id.Value));
        options.Converters.Add(new GuidIdJsonConverter<MeetingId>(g => new MeetingId(g), id => id.Value));
        options.Converters.Add(new GuidIdJsonConverter<LoanId>(g => new LoanId(g), id => id.Value));
        options.Converters.Add(new GuidIdJsonConverter<EntryId>(g => new EntryId(g), id => id.Value));
        options.Converters.Add(new GuidIdJsonConverter<ExerciseId>(g => new ExerciseId(g), id => id.Value));
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options;
    }
}

/// <summary>What a value on the wire should have looked like (the error message names it in the request's language).</summary>
public enum WireValueKind
{
    /// <summary>An ISO-8601 date.</summary>
    Date = 1,

    /// <summary>An ISO-8601 period.</summary>
    Period = 2,

    /// <summary>Whole rupiah.</summary>
    Money = 3,

    /// <summary>A percent.</summary>
    Rate = 4,

    /// <summary>A region code.</summary>
    Region = 5,

    /// <summary>A non-empty Guid.</summary>
    Id = 6,
}

/// <summary>A value of the wrong form for a KubeCore type; answered with 400 naming the expected form.</summary>
public sealed class WireValueException(WireValueKind kind, Exception? inner = null)
    : JsonException("A value has the wrong form: expected " + kind + ".", inner)
{
    /// <summary>The expected kind of value.</summary>
    public WireValueKind Kind { get; } = kind;
}

/// <summary>
/// A NodaTime.Serialization.SystemTextJson converter whose refusals carry the API's <see cref="WireValueKind"/>:
/// its converters throw a plain <see cref="JsonException"/>, which the API would otherwise answer without saying
/// what form the value should have had.
/// </summary>
/// <typeparam name="T">The NodaTime type.</typeparam>
public sealed class WireValueConverter<T>(JsonConverter<T> inner, WireValueKind kind) : JsonConverter<T>
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
            throw new WireValueException(kind, e);
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
            throw new WireValueException(kind, e);
        }
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        inner.WriteAsPropertyName(writer, value, options);
}

/// <summary><see cref="Rupiah"/> as a JSON integer of whole rupiah; no fractions, no strings (SAV-07).</summary>
public sealed class RupiahJsonConverter : JsonConverter<Rupiah>
{
    public override Rupiah Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var amount)
            ? Rupiah.Of(amount)
            : throw new WireValueException(WireValueKind.Money);

    public override void Write(Utf8JsonWriter writer, Rupiah value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Amount);
}

/// <summary><see cref="Rate"/> as a JSON number of percent, at most two decimals (<c>1.5</c> is 1,5 %).</summary>
public sealed class RateJsonConverter : JsonConverter<Rate>
{
    public override Rate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var percent))
        {
            throw new WireValueException(WireValueKind.Rate);
        }
        try
        {
            return Rate.FromPercent(percent);
        }
        catch (ArgumentException e)
        {
            throw new WireValueException(WireValueKind.Rate, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Percent);
}

/// <summary><see cref="RegionCode"/> as its dotted text (<c>62.71</c>, <c>62.71.01</c>, <c>62.71.01.1001</c>).</summary>
public sealed class RegionCodeJsonConverter : JsonConverter<RegionCode>
{
    public override RegionCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && RegionCode.TryParse(reader.GetString(), out var code)
            ? code
            : throw new WireValueException(WireValueKind.Region);

    public override void Write(Utf8JsonWriter writer, RegionCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>A bookkeeping week as an ISO-8601 interval of dates, <c>"2019-01-21/2019-01-27"</c> (start and end inclusive).</summary>
public sealed class BookWeekJsonConverter : JsonConverter<KubeCore.Savings.BookWeek>
{
    public override KubeCore.Savings.BookWeek Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var start = text is null ? null : LocalDatePattern.Iso.Parse(text.Split('/')[0]);
        return start is { Success: true } ? KubeCore.Savings.BookWeek.StartingOn(start.Value, start.Value.DayOfWeek) : throw new WireValueException(WireValueKind.Date);
    }

    public override void Write(Utf8JsonWriter writer, KubeCore.Savings.BookWeek value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value.Start) + "/" + LocalDatePattern.Iso.Format(value.End));
}

/// <summary>A rule id as its text, <c>"GRP-01"</c>.</summary>
public sealed class RuleIdJsonConverter : JsonConverter<KubeCore.Rules.RuleId>
{
    public override KubeCore.Rules.RuleId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return KubeCore.Rules.RuleId.Parse(reader.GetString() ?? string.Empty);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new JsonException("A rule id looks like GRP-01.", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, KubeCore.Rules.RuleId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>A strongly typed id as its canonical Guid string; the empty Guid is not an id.</summary>
/// <typeparam name="TId">The id type.</typeparam>
public sealed class GuidIdJsonConverter<TId>(Func<Guid, TId> fromGuid, Func<TId, Guid> toGuid) : JsonConverter<TId>
    where TId : struct
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !Guid.TryParse(reader.GetString(), out var guid) || guid == Guid.Empty)
        {
            throw new WireValueException(WireValueKind.Id);
        }
        return fromGuid(guid);
    }

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(toGuid(value).ToString("D", CultureInfo.InvariantCulture));

    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Guid.TryParse(reader.GetString(), out var guid) && guid != Guid.Empty
            ? fromGuid(guid)
            : throw new WireValueException(WireValueKind.Id);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(toGuid(value).ToString("D", CultureInfo.InvariantCulture));
}
