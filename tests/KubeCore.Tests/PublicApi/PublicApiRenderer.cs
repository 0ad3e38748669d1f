using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace KubeCore.Tests.PublicApi;

/// <summary>
/// Renders the public surface of an assembly as C#-like text, one declaration per line, in a
/// deterministic order: types by full name (nested types flattened as <c>Outer.Inner</c>), and within a
/// type fields, constructors, properties, events, then methods, each sorted by name and signature.
/// </summary>
/// <remarks>
/// What counts as surface: exported types and their public and protected members (protected only
/// matters while a type can be derived from). Signatures carry nullability (<c>string?</c>), tuple
/// element names, <c>ref</c>/<c>out</c>/<c>in</c>/<c>params</c>/<c>this</c>, default values,
/// <c>required</c> and <c>init</c>, const values and enum values. Operators keep their metadata names
/// (<c>op_Addition</c>). An unconstrained type parameter is always written <c>T</c> (reflection cannot
/// tell <c>T</c> from <c>T?</c> there). Left out: unspeakable compiler names (<c>&lt;Clone&gt;$</c>, extension-block
/// marker types) and attributes other than <c>[Obsolete]</c> and <c>[Flags]</c>.
/// </remarks>
internal static class PublicApiRenderer
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(object)] = "object",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(nint)] = "nint",
        [typeof(nuint)] = "nuint",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(char)] = "char",
    };

    /// <summary>The public surface of <paramref name="assembly"/>.</summary>
    public static string Render(Assembly assembly) => Render(assembly.GetExportedTypes());

    /// <summary>The public surface of <paramref name="types"/> (non-visible and unspeakable types are skipped).</summary>
    public static string Render(IEnumerable<Type> types)
    {
        var text = new StringBuilder();
        foreach (var type in types.Where(t => t.IsVisible && !IsUnspeakable(t.Name)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            RenderType(type, text);
        }
        return text.ToString();
    }

    private static void RenderType(Type type, StringBuilder text)
    {
        foreach (var attribute in KeptAttributes(type))
        {
            text.Append(attribute).Append('\n');
        }
        text.Append(TypeHeader(type)).Append('\n');
        if (IsDelegate(type))
        {
            return;
        }
        text.Append("{\n");
        foreach (var line in Members(type))
        {
            text.Append("    ").Append(line).Append('\n');
        }
        text.Append("}\n");
    }

    private static string TypeHeader(Type type)
    {
        var name = DeclarationName(type);
        if (IsDelegate(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            return $"public delegate {ReturnTypeName(invoke)} {name}({Parameters(invoke)}){Constraints(type.GetGenericArguments())};";
        }
        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            return $"public enum {name}" + (underlying == typeof(int) ? string.Empty : " : " + TypeName(underlying));
        }

        var modifiers = new List<string> { "public" };
        string kind;
        if (type.IsInterface)
        {
            kind = "interface";
        }
        else if (type.IsValueType)
        {
            if (type.IsDefined(typeof(IsReadOnlyAttribute), false))
            {
                modifiers.Add("readonly");
            }
            if (type.IsByRefLike)
            {
                modifiers.Add("ref");
            }
            kind = IsRecord(type) ? "record struct" : "struct";
        }
        else
        {
            if (type.IsAbstract && type.IsSealed)
            {
                modifiers.Add("static");
            }
            else if (type.IsAbstract)
            {
                modifiers.Add("abstract");
            }
            else if (type.IsSealed)
            {
                modifiers.Add("sealed");
            }
            kind = IsRecord(type) ? "record" : "class";
        }

        var bases = new List<string>();
        if (!type.IsValueType && !type.IsInterface && type.BaseType is { } baseType && baseType != typeof(object))
        {
            bases.Add(TypeName(baseType));
        }
        bases.AddRange(type.GetInterfaces().Where(i => i.IsVisible).Select(i => TypeName(i)).Order(StringComparer.Ordinal));
        return $"{string.Join(' ', modifiers)} {kind} {name}"
            + (bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases))
            + Constraints(type.IsGenericTypeDefinition ? type.GetGenericArguments() : []);
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            return type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (Value: Convert.ToDecimal(f.GetRawConstantValue(), CultureInfo.InvariantCulture), f.Name))
                .OrderBy(f => f.Value).ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"{f.Name} = {f.Value.ToString(CultureInfo.InvariantCulture)},");
        }

        var lines = new List<(int Order, string Name, string Line)>();
        var accessors = new HashSet<MethodInfo>();
        foreach (var property in type.GetProperties(Declared))
        {
            accessors.UnionWith(property.GetAccessors(nonPublic: true));
            if (RenderProperty(type, property) is { } line)
            {
                lines.Add((2, property.Name, line));
            }
        }
        foreach (var @event in type.GetEvents(Declared))
        {
            accessors.UnionWith(new[] { @event.AddMethod, @event.RemoveMethod, @event.RaiseMethod }.OfType<MethodInfo>());
            if (@event.AddMethod is { } add && Visibility(add) is { } visibility)
            {
                var context = new NullabilityInfoContext();
                lines.Add((3, @event.Name, $"{Prefix(type, add, visibility)}event {TypeName(@event.EventHandlerType!, context.Create(@event))} {@event.Name};"));
            }
        }
        foreach (var field in type.GetFields(Declared))
        {
            if (IsUnspeakable(field.Name) || FieldVisibility(field) is not { } visibility)
            {
                continue;
            }
            lines.Add((0, field.Name, RenderField(field, visibility)));
        }
        foreach (var constructor in type.GetConstructors(Declared))
        {
            if (constructor.IsStatic || Visibility(constructor) is not { } visibility)
            {
                continue;
            }
            lines.Add((1, ".ctor", $"{Attributes(constructor)}{visibility} {DeclarationName(type, withGenerics: false)}({Parameters(constructor)});"));
        }
        foreach (var method in type.GetMethods(Declared))
        {
            if (accessors.Contains(method) || IsUnspeakable(method.Name) || Visibility(method) is not { } visibility)
            {
                continue;
            }
            var generics = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
            lines.Add((4, method.Name, $"{Attributes(method)}{Prefix(type, method, visibility)}{ReturnTypeName(method)} {method.Name}{generics}({Parameters(method)}){Constraints(method.IsGenericMethodDefinition ? method.GetGenericArguments() : [])};"));
        }
        return lines
            .OrderBy(l => l.Order).ThenBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Line, StringComparer.Ordinal)
            .Select(l => l.Line);
    }

    private static string? RenderProperty(Type type, PropertyInfo property)
    {
        var getter = property.GetMethod is { } g && Visibility(g) is { } gv ? (Method: g, Visibility: gv) : default;
        var setter = property.SetMethod is { } s && Visibility(s) is { } sv ? (Method: s, Visibility: sv) : default;
        var main = getter.Method ?? setter.Method;
        if (main is null)
        {
            return null;
        }
        var visibility = getter.Visibility == "public" || setter.Visibility == "public" ? "public" : "protected";
        var context = new NullabilityInfoContext();
        var required = property.IsDefined(typeof(RequiredMemberAttribute), false) ? "required " : string.Empty;
        var indexParameters = property.GetIndexParameters();
        var name = indexParameters.Length == 0 ? property.Name : $"this[{string.Join(", ", indexParameters.Select(p => Parameter(p, context)))}]";
        var accessorsText = new List<string>();
        if (getter.Method is not null)
        {
            accessorsText.Add((getter.Visibility == visibility ? string.Empty : getter.Visibility + " ") + "get;");
        }
        if (setter.Method is not null)
        {
            var init = setter.Method.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            accessorsText.Add((setter.Visibility == visibility ? string.Empty : setter.Visibility + " ") + (init ? "init;" : "set;"));
        }
        var names = TupleNames(property.GetCustomAttribute<TupleElementNamesAttribute>());
        return $"{Attributes(property)}{Prefix(type, main, visibility)}{required}{TypeName(property.PropertyType, context.Create(property), names)} {name} {{ {string.Join(' ', accessorsText)} }}";
    }

    private static string RenderField(FieldInfo field, string visibility)
    {
        var context = new NullabilityInfoContext();
        var typeName = TypeName(field.FieldType, context.Create(field), TupleNames(field.GetCustomAttribute<TupleElementNamesAttribute>()));
        if (field.IsLiteral)
        {
            return $"{Attributes(field)}{visibility} const {typeName} {field.Name} = {Constant(field.GetRawConstantValue(), field.FieldType)};";
        }
        var modifiers = visibility + (field.IsStatic ? " static" : string.Empty) + (field.IsInitOnly ? " readonly" : string.Empty);
        return $"{Attributes(field)}{modifiers} {typeName} {field.Name};";
    }

    private static string Prefix(Type type, MethodInfo method, string visibility)
    {
        if (type.IsInterface)
        {
            return method.IsStatic ? (method.IsAbstract ? "static abstract " : "static ") : string.Empty;
        }
        var modifier = string.Empty;
        if (method.IsStatic)
        {
            modifier = "static ";
        }
        else if (method.IsAbstract)
        {
            modifier = "abstract ";
        }
        else if (method.IsVirtual)
        {
            var overrides = method.GetBaseDefinition().DeclaringType != method.DeclaringType;
            modifier = (overrides, method.IsFinal) switch
            {
                (true, true) => "sealed override ",
                (true, false) => "override ",
                (false, false) => "virtual ",
                (false, true) => string.Empty, // an interface implementation, not virtual in C#
            };
        }
        return visibility + " " + modifier;
    }

    private static string? Visibility(MethodBase method) =>
        method.IsPublic ? "public"
        : (method.IsFamily || method.IsFamilyOrAssembly) && !method.DeclaringType!.IsSealed ? "protected"
        : null;

    private static string? FieldVisibility(FieldInfo field) =>
        field.IsPublic ? "public"
        : (field.IsFamily || field.IsFamilyOrAssembly) && !field.DeclaringType!.IsSealed ? "protected"
        : null;

    private static string ReturnTypeName(MethodInfo method)
    {
        var context = new NullabilityInfoContext();
        var returnType = method.ReturnType;
        var prefix = string.Empty;
        if (returnType.IsByRef)
        {
            prefix = method.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.InteropServices.InAttribute)) ? "ref readonly " : "ref ";
        }
        return prefix + TypeName(returnType, context.Create(method.ReturnParameter), TupleNames(method.ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>()));
    }

    private static string Parameters(MethodBase method)
    {
        var context = new NullabilityInfoContext();
        var isExtension = method.IsDefined(typeof(ExtensionAttribute), false);
        return string.Join(", ", method.GetParameters().Select((p, i) => (isExtension && i == 0 ? "this " : string.Empty) + Parameter(p, context)));
    }

    private static string Parameter(ParameterInfo parameter, NullabilityInfoContext context)
    {
        var prefix = string.Empty;
        if (parameter.IsDefined(typeof(ParamArrayAttribute), false) || parameter.IsDefined(typeof(ParamCollectionAttribute), false))
        {
            prefix = "params ";
        }
        else if (parameter.ParameterType.IsByRef)
        {
            prefix = parameter.IsOut ? "out "
                : parameter.IsDefined(typeof(RequiresLocationAttribute), false) ? "ref readonly "
                : parameter.IsIn ? "in "
                : "ref ";
        }
        var text = $"{prefix}{TypeName(parameter.ParameterType, context.Create(parameter), TupleNames(parameter.GetCustomAttribute<TupleElementNamesAttribute>()))} {parameter.Name}";
        if (parameter.HasDefaultValue)
        {
            text += " = " + Constant(parameter.RawDefaultValue, parameter.ParameterType);
        }
        return text;
    }

    private static string Constant(object? value, Type type) => value switch
    {
        null => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? "default" : "null",
        DBNull or Missing => "default",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        char c => "'" + c + "'",
        bool b => b ? "true" : "false",
        _ when (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } enumType => $"({TypeName(enumType)}){Convert.ToString(value, CultureInfo.InvariantCulture)}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A type's name as a C# reader writes it: keywords, <c>T?</c>, generics, tuple element names, nesting.</summary>
    internal static string TypeName(Type type, NullabilityInfo? nullability = null, Queue<string?>? tupleNames = null)
    {
        tupleNames ??= new Queue<string?>();
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!, nullability, tupleNames);
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, nullability?.GenericTypeArguments.FirstOrDefault(), tupleNames) + "?";
        }
        var annotation = !type.IsValueType && nullability?.ReadState == NullabilityState.Nullable ? "?" : string.Empty;
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, nullability?.ElementType, tupleNames) + "[" + new string(',', type.GetArrayRank() - 1) + "]" + annotation;
        }
        if (type.IsPointer)
        {
            return TypeName(type.GetElementType()!, null, tupleNames) + "*";
        }
        if (type.IsGenericParameter)
        {
            // Reflection cannot tell T from T? for an unconstrained T (NullabilityInfoContext reports both
            // as nullable), so the annotation is kept only for reference-type-constrained parameters.
            var referenceConstrained = type.GenericParameterAttributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint)
                || type.GetGenericParameterConstraints().Any(c => c.IsClass && c != typeof(ValueType));
            return type.Name + (referenceConstrained ? annotation : string.Empty);
        }
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword + annotation;
        }
        var arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        if (type.IsGenericType && !type.IsGenericTypeDefinition && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true && arguments.Length <= 7)
        {
            var names = arguments.Select(_ => tupleNames.Count > 0 ? tupleNames.Dequeue() : null).ToArray();
            var elements = arguments.Select((a, i) => TypeName(a, nullability?.GenericTypeArguments.ElementAtOrDefault(i), tupleNames) + (names[i] is { } n ? " " + n : string.Empty));
            return "(" + string.Join(", ", elements) + ")";
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
        {
            foreach (var _ in arguments)
            {
                if (tupleNames.Count > 0)
                {
                    tupleNames.Dequeue();
                }
            }
        }
        var argumentNames = arguments.Select((a, i) => TypeName(a, nullability?.GenericTypeArguments.ElementAtOrDefault(i), tupleNames)).ToList();
        return QualifiedName(type, argumentNames) + annotation;
    }

    private static string QualifiedName(Type type, List<string> arguments)
    {
        // Nested types: the declaring type's generic arguments come first in the flattened list.
        var chain = new List<Type>();
        for (var t = type; t is not null; t = t.IsNested ? t.DeclaringType : null)
        {
            chain.Insert(0, t);
        }
        var parts = new List<string>();
        var used = 0;
        foreach (var t in chain)
        {
            var name = t.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            if (tick >= 0)
            {
                var count = int.Parse(name[(tick + 1)..], CultureInfo.InvariantCulture);
                name = name[..tick] + "<" + string.Join(", ", arguments.Skip(used).Take(count)) + ">";
                used += count;
            }
            parts.Add(name);
        }
        var ns = chain[0].Namespace;
        return (string.IsNullOrEmpty(ns) ? string.Empty : ns + ".") + string.Join('.', parts);
    }

    private static string DeclarationName(Type type, bool withGenerics = true)
    {
        var arguments = type.GetGenericArguments().Select(a => a.Name).ToList();
        var name = QualifiedName(type, arguments);
        if (!withGenerics)
        {
            var simple = type.Name;
            var tick = simple.IndexOf('`', StringComparison.Ordinal);
            return tick >= 0 ? simple[..tick] : simple;
        }
        return name;
    }

    private static string Constraints(Type[] parameters)
    {
        var clauses = new List<string>();
        foreach (var parameter in parameters.Where(p => p.IsGenericParameter))
        {
            var constraints = new List<string>();
            var attributes = parameter.GenericParameterAttributes;
            if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add(parameter.IsDefined(typeof(IsUnmanagedAttribute), false) ? "unmanaged" : "struct");
            }
            else if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
            {
                constraints.Add("class");
            }
            constraints.AddRange(parameter.GetGenericParameterConstraints().Where(c => c != typeof(ValueType)).Select(c => TypeName(c)).Order(StringComparer.Ordinal));
            if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && !attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("new()");
            }
            if (constraints.Count > 0)
            {
                clauses.Add($" where {parameter.Name} : {string.Join(", ", constraints)}");
            }
        }
        return string.Concat(clauses);
    }

    private static Queue<string?>? TupleNames(TupleElementNamesAttribute? attribute) =>
        attribute is null ? null : new Queue<string?>(attribute.TransformNames);

    private static IEnumerable<string> KeptAttributes(MemberInfo member)
    {
        // The compiler marks constructors of types with required members [Obsolete] for old compilers
        // (together with [CompilerFeatureRequired]); that is not an API decision, so it is left out.
        if (member.GetCustomAttribute<ObsoleteAttribute>() is { } obsolete && !member.IsDefined(typeof(CompilerFeatureRequiredAttribute), false))
        {
            yield return obsolete.Message is null ? "[System.Obsolete]" : $"[System.Obsolete({Constant(obsolete.Message, typeof(string))})]";
        }
        if (member.IsDefined(typeof(FlagsAttribute), false))
        {
            yield return "[System.Flags]";
        }
    }

    private static string Attributes(MemberInfo member) => string.Concat(KeptAttributes(member).Select(a => a + " "));

    private static bool IsDelegate(Type type) => type.IsSubclassOf(typeof(MulticastDelegate));

    /// <summary>Records (class or struct) have a compiler-generated <c>PrintMembers(StringBuilder)</c>.</summary>
    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", Declared, [typeof(StringBuilder)]) is { } m && m.ReturnType == typeof(bool);

    private static bool IsUnspeakable(string name) => name.Contains('<', StringComparison.Ordinal);
}
