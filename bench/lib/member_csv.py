"""A member file for the import benchmark: ROWS members with Chinese names, unique mobiles, an
e-mail for a third of them, birthdays, genders and home stores; fixed seed, so the same file
every time. Usage: member_csv.py FILE ROWS"""
import random
import sys

path, rows = sys.argv[1], int(sys.argv[2])
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
given = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉萍红辉建国文婷浩宇欣怡佳琪晨阳雪梅兰波鹏飞龙凤春冬晓东海林峰云颖慧志新"
prefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158",
            "159", "166", "176", "177", "180", "181", "182", "185", "186", "187", "188", "189", "191", "198", "199"]
stores = ["北京朝阳店", "北京海淀店", "上海静安店", "上海浦东店", "广州天河店", "深圳南山店", "杭州西湖店", "成都锦江店"]
rng = random.Random(20261122)
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("姓名,手机号,邮箱,生日,性别,门店\r\n")
    for i in range(rows):
        name = rng.choice(surnames) + rng.choice(given) + (rng.choice(given) if rng.random() < 0.66 else "")
        mobile = "%s%08d" % (prefixes[i % 30], (i * 7919 + 12345) % 100000000)
        email = "u%d@example.com" % (i + 1) if i % 3 == 0 else ""
        birthday = "%04d-%02d-%02d" % (rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
        f.write("%s,%s,%s,%s,%s,%s\r\n" % (name, mobile, email, birthday, rng.choice("男女"), rng.choice(stores)))
