"""Name pools for the fictional cast: Mestizo/Hispanic, Creole, Garifuna, Maya and Mennonite.

Why: the resolver and the name matchers must meet the mix of names a Belize case file really
holds (accents, shared surnames in a family, nicknames) without ever naming a real person. Names
are drawn as random first/last combinations from common-name pools, so no full name is chosen
to point at anyone. Every character is Latin-1, so any note can be written as Windows-1252.
"""
from __future__ import annotations

__all__ = ["FIRST", "LAST", "ACCENTED_FIRST", "ACCENTED_LAST", "NICKNAMES"]

# FIRST[group][gender] -> first names; LAST[group] -> surnames.
FIRST: dict[str, dict[str, tuple[str, ...]]] = {
    "hispanic": {
        "m": ("Carlos", "Jorge", "Luis", "Miguel", "Eduardo", "Hector", "Rafael", "Ernesto", "Julio",
              "Marvin", "Wilmer", "Elmer", "Edwin", "Selvin", "Oscar", "Armando", "Rigoberto", "Noe",
              "Fredy", "Nery", "Byron", "Denis", "Ariel", "Gerson"),
        "f": ("Maria", "Rosa", "Ana", "Leticia", "Yesenia", "Karla", "Marisol", "Gabriela", "Dayana",
              "Sandra", "Wendy", "Lourdes", "Yolanda", "Marleny", "Ingrid", "Glenda", "Heidy", "Brenda",
              "Evelyn", "Keyla", "Suyapa", "Dulce", "Iris", "Mayra"),
    },
    "creole": {
        "m": ("Dwayne", "Kareem", "Shawn", "Delroy", "Marlon", "Trevor", "Leroy", "Jermaine", "Kirk",
              "Orlando", "Glenford", "Lennox"),
        "f": ("Shanice", "Keisha", "Tanya", "Charlene", "Dionne", "Latoya", "Sharlene", "Kimberly",
              "Jodi-Ann", "Marcia"),
    },
    "garifuna": {
        "m": ("Sebastian", "Ignatius", "Austin", "Cleveland", "Felix", "Wellington"),
        "f": ("Clotilda", "Felicia", "Rhonda", "Philippa", "Bernadine", "Justina"),
    },
    "maya": {
        "m": ("Santiago", "Mateo", "Aurelio", "Celestino", "Domingo", "Pablo", "Crisanto", "Valentino"),
        "f": ("Juana", "Petrona", "Marcelina", "Santa", "Florencia", "Cristina", "Amalia", "Eusebia"),
    },
    "mennonite": {
        "m": ("Abram", "Peter", "Jacob", "Heinrich", "Cornelius", "Isaak", "Johan", "Franz"),
        "f": ("Aganetha", "Helena", "Katharina", "Susanna", "Margaretha", "Elisabeth"),
    },
}

LAST: dict[str, tuple[str, ...]] = {
    "hispanic": ("Reyes", "Mendoza", "Aguilar", "Castellanos", "Guerra", "Ortega", "Figueroa", "Sosa",
                 "Villanueva", "Cardona", "Pineda", "Orellana", "Portillo", "Cruz", "Herrera", "Salazar",
                 "Lemus", "Reconco", "Interiano", "Quiroz", "Alvarado", "Carcamo", "Funez", "Tejeda",
                 "Bardales", "Urbina", "Espinal", "Matamoros", "Caceres", "Ayala"),
    "creole": ("Gillett", "Flowers", "Usher", "Tillett", "Young", "Neal", "Gentle", "Hyde", "Lamb",
               "Staine", "Bradley", "Longsworth", "Augustine", "Codd", "Pitts", "Card"),
    "garifuna": ("Arzu", "Castillo", "Cayetano", "Palacio", "Ramos", "Avila", "Lambey", "Zuniga",
                 "Velasquez", "Lino", "Mejia", "Sabal"),
    "maya": ("Chub", "Coc", "Pop", "Cal", "Choc", "Tzib", "Canul", "Ical", "Bol", "Sho", "Teck", "Cus",
             "Xix", "Mes", "Tush", "Yam", "Ku", "Pech"),
    "mennonite": ("Friesen", "Dueck", "Penner", "Wiebe", "Klassen", "Reimer", "Thiessen", "Fehr",
                  "Neufeld", "Giesbrecht"),
}

# Accented spellings: a few cast members get these so that Windows-1252 notes carry real accents.
ACCENTED_FIRST: dict[str, tuple[str, ...]] = {
    "m": ("José", "Andrés", "Raúl", "Ramón", "Jesús", "Martín", "Joaquín", "Efraín"),
    "f": ("Inés", "Sofía", "Mónica", "Lucía", "Ángela", "Belén", "Dámaris", "Concepción"),
}
ACCENTED_LAST: tuple[str, ...] = (
    "Martínez", "Hernández", "López", "Pérez", "Gómez", "Ramírez", "Núñez", "Méndez", "González",
    "Sánchez", "Galdámez", "Chavarría", "Magaña", "Rodríguez", "Domínguez", "Jiménez",
)

NICKNAMES: dict[str, tuple[str, ...]] = {
    "m": ("Flaco", "Chino", "Gordo", "Chele", "Pelón", "Tigre", "Toro", "Pollo", "Big Man", "Shorty",
          "Don Beto", "Pancho", "Dready", "Macho", "Zorro", "Moreno", "Guero", "Cabo", "Pitbull", "Chivo"),
    "f": ("La Tía", "Doña Chepa", "La Güera", "Miss P", "La Flaca", "Chata"),
}
