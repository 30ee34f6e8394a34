using System.Security.Cryptography;

namespace ClusterAtlas.Profiles.Logos;

public enum LogoRefusal { Empty, TooLarge, NotAnImage }
