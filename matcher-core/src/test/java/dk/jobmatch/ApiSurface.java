package dk.jobmatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.lang.reflect.GenericArrayType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of {@code dk.jobmatch.core}: every public or protected type of an exported
 * package (read from the compiled {@code module-info.class}) with every public or protected
 * constructor, method and field, one line each, sorted. {@link ApiSurfaceTest} compares it with
 * the committed {@code matcher-core/api/matcher-core.api}; {@code ArchitectureTest} checks that no
 * type of an internal package appears in it.
 */
final class ApiSurface {
  /** Where the compiled main classes of matcher-core are (target/classes). */
  static Path classesRoot() {
    try {
      return Path.of(dk.jobmatch.model.Citizen.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The packages {@code module-info} exports. */
  static Set<String> exportedPackages() {
    try (InputStream in = Files.newInputStream(classesRoot().resolve("module-info.class"))) {
      return ModuleDescriptor.read(in).exports().stream().filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every type of the exported packages that code outside the module can name, by binary name. */
  static List<Class<?>> apiTypes() {
    List<Class<?>> out = new ArrayList<>();
    for (String pkg : exportedPackages()) {
      Path dir = classesRoot().resolve(pkg.replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (!name.endsWith(".class") || name.equals("package-info.class")) {
            continue;
          }
          Class<?> c = Class.forName(pkg + "." + name.substring(0, name.length() - 6), false,
              ApiSurface.class.getClassLoader());
          if (visible(c)) {
            out.add(c);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private static boolean visible(Class<?> c) {
    if (c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass()) {
      return false;
    }
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      int m = k.getModifiers();
      boolean open = Modifier.isPublic(m) || (k != c || k.getDeclaringClass() != null) && Modifier.isProtected(m);
      if (!open) {
        return false;
      }
    }
    return true;
  }

  private static boolean visibleMember(Class<?> owner, Member m) {
    if (m.isSynthetic() || m instanceof Method method && method.isBridge()) {
      return false;
    }
    int mod = m.getModifiers();
    return Modifier.isPublic(mod) || Modifier.isProtected(mod) && !Modifier.isFinal(owner.getModifiers());
  }

  /** The surface as sorted lines: a type line, then its members indented by two spaces. */
  static List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Class<?> c : apiTypes()) {
      out.add(typeLine(c));
      TreeSet<String> members = new TreeSet<>();
      for (Field f : c.getDeclaredFields()) {
        if (visibleMember(c, f)) {
          members.add("  " + (f.isEnumConstant() ? "enum constant " + f.getName()
              : mods(f.getModifiers()) + name(f.getGenericType()) + " " + f.getName()));
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visibleMember(c, k)) {
          members.add("  " + mods(k.getModifiers()) + typeParams(k.getTypeParameters()) + "<init>" + params(k));
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (visibleMember(c, m)) {
          int mod = m.getModifiers() & ~(c.isInterface() ? Modifier.ABSTRACT : 0);
          members.add("  " + (m.isDefault() ? "default " : "") + mods(mod) + typeParams(m.getTypeParameters())
              + name(m.getGenericReturnType()) + " " + m.getName() + params(m));
        }
      }
      out.addAll(members);
    }
    return out;
  }

  /** Every type named anywhere in the surface (supertypes, fields, parameters, results, throws, bounds). */
  static Set<Class<?>> referencedTypes() {
    Set<Class<?>> out = new java.util.HashSet<>();
    for (Class<?> c : apiTypes()) {
      collect(c.getGenericSuperclass(), out);
      Arrays.stream(c.getGenericInterfaces()).forEach(t -> collect(t, out));
      for (Field f : c.getDeclaredFields()) {
        if (visibleMember(c, f)) {
          collect(f.getGenericType(), out);
        }
      }
      List<Executable> execs = new ArrayList<>(Arrays.asList(c.getDeclaredConstructors()));
      execs.addAll(Arrays.asList(c.getDeclaredMethods()));
      for (Executable e : execs) {
        if (!visibleMember(c, e)) {
          continue;
        }
        if (e instanceof Method m) {
          collect(m.getGenericReturnType(), out);
        }
        Arrays.stream(e.getGenericParameterTypes()).forEach(t -> collect(t, out));
        Arrays.stream(e.getGenericExceptionTypes()).forEach(t -> collect(t, out));
        Arrays.stream(e.getTypeParameters()).forEach(t -> collect(t, out));
      }
    }
    return out;
  }

  private static final ThreadLocal<Set<TypeVariable<?>>> SEEN_VARIABLES =
      ThreadLocal.withInitial(java.util.HashSet::new);

  private static void collect(Type t, Set<Class<?>> out) {
    switch (t) {
      case null -> { }
      case Class<?> c -> {
        Class<?> k = c;
        while (k.isArray()) {
          k = k.getComponentType();
        }
        out.add(k);
      }
      case ParameterizedType p -> {
        collect(p.getRawType(), out);
        Arrays.stream(p.getActualTypeArguments()).forEach(a -> collect(a, out));
      }
      case WildcardType w -> {
        Arrays.stream(w.getUpperBounds()).forEach(a -> collect(a, out));
        Arrays.stream(w.getLowerBounds()).forEach(a -> collect(a, out));
      }
      case GenericArrayType g -> collect(g.getGenericComponentType(), out);
      case TypeVariable<?> v -> {
        // A bound may name the variable itself (T extends Comparable<T>): follow each variable once.
        if (SEEN_VARIABLES.get().add(v)) {
          Arrays.stream(v.getBounds()).forEach(a -> collect(a, out));
        }
      }
      default -> throw new IllegalStateException("unknown type " + t);
    }
  }

  private static String typeLine(Class<?> c) {
    String kind = c.isAnnotation() ? "@interface" : c.isInterface() ? "interface" : c.isEnum() ? "enum"
        : c.isRecord() ? "record" : "class";
    int mod = c.getModifiers();
    if (c.isInterface()) {
      mod &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
    }
    if (c.isEnum() || c.isRecord()) {
      mod &= ~Modifier.FINAL;
    }
    if (c.isInterface() || c.isEnum() || c.isRecord()) {
      mod &= ~Modifier.STATIC;
    }
    StringBuilder b = new StringBuilder(mods(mod)).append(kind).append(' ').append(c.getName())
        .append(typeParams(c.getTypeParameters()));
    if (c.isRecord()) {
      b.append(Arrays.stream(c.getRecordComponents())
          .map(r -> name(r.getGenericType()) + " " + r.getName()).collect(Collectors.joining(", ", "(", ")")));
    }
    Type sup = c.getGenericSuperclass();
    if (sup != null && sup != Object.class && !c.isEnum() && !c.isRecord()) {
      b.append(" extends ").append(name(sup));
    }
    Type[] ifaces = c.getGenericInterfaces();
    if (ifaces.length > 0) {
      b.append(c.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(ifaces).map(ApiSurface::name).collect(Collectors.joining(", ")));
    }
    if (c.isSealed()) {
      b.append(" permits ").append(Arrays.stream(c.getPermittedSubclasses()).map(Class::getName).sorted()
          .collect(Collectors.joining(", ")));
    }
    return b.toString();
  }

  private static String mods(int m) {
    String s = Modifier.toString(m & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT | Modifier.STATIC
        | Modifier.FINAL));
    return s.isEmpty() ? "" : s + " ";
  }

  private static String typeParams(TypeVariable<?>[] vars) {
    if (vars.length == 0) {
      return "";
    }
    return Arrays.stream(vars).map(v -> {
      List<String> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).map(ApiSurface::name).toList();
      return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
    }).collect(Collectors.joining(", ", "<", "> "));
  }

  private static String params(Executable e) {
    String p = Arrays.stream(e.getGenericParameterTypes()).map(ApiSurface::name).collect(Collectors.joining(", ", "(", ")"));
    if (e.isVarArgs()) {
      p = p.substring(0, p.length() - 3) + "...)";
    }
    Type[] thrown = e.getGenericExceptionTypes();
    if (thrown.length > 0) {
      p += " throws " + Arrays.stream(thrown).map(ApiSurface::name).sorted().collect(Collectors.joining(", "));
    }
    return p;
  }

  private static String name(Type t) {
    return t.getTypeName();
  }

  private ApiSurface() {
  }
}
